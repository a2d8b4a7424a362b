"""Proposals of "same advertiser": ads that share a phone number (as E.164) or have
near-identical texts (``similarity``). Nothing is merged: a proposal is only shown, and a
person's decision is recorded as an ``advertiser_link`` event, "same" or "not the same".
The ads themselves never change; "one advertiser" is the confirmed links, read together.

A proposal is a connected group: ads joined by a shared number or a near-identical text,
directly or through each other. A group is no longer proposed once one confirmed
advertiser covers all of it, or once a person has dismissed exactly that group (a new ad
joining it makes it new evidence, and it is proposed again).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from fieldapp.ads.index import require_index
from fieldapp.ads.model import (
    AD_ENTITY,
    ADVERTISER_LINK_ENTITY,
    LinkBasis,
    LinkDecision,
    clean_advertiser_link,
)
from fieldapp.ads.similarity import THRESHOLD, band_keys, shingles, similarity
from fieldapp.errors import InvalidInput, coded
from fieldapp.storage.database import Connection
from fieldapp.workflow import entities
from fieldapp.workflow.context import Change, Context

# Buckets larger than this are checked against their first ad only, not pair by pair: a
# text posted hundreds of times would otherwise cost a quadratic number of comparisons.
_PAIRWISE_BUCKET = 8
# A band key shared by more ads than this is boilerplate ("ring eller sms:a", a site's
# footer, a common price list), not evidence: it would make every ad a candidate of every
# other. Ads reposted this often by one advertiser still share their number, and most of
# their other band keys.
COMMON_BAND = 100
MAX_GROUP = 500  # ads followed out from one ad for its own proposal


@dataclass(frozen=True)
class Related:
    """A registered ad related to one being captured: the phones they share, and the
    similarity of their texts (0 when below the threshold)."""

    ad_id: str
    phones: tuple[str, ...]
    similarity: float


@dataclass(frozen=True)
class Proposal:
    """Ads that may be one advertiser's, with the evidence: the phone numbers shared, the
    near-identical text pairs that join ads no number joins (with their similarity), and
    the groups among them that a person has already confirmed."""

    ad_ids: tuple[str, ...]
    phones: tuple[str, ...]
    similar_texts: tuple[tuple[str, str, float], ...]
    confirmed: tuple[tuple[str, ...], ...]

    @property
    def key(self) -> str:
        """A stable name for the proposal (the same ads give the same key)."""
        return hashlib.sha256("\n".join(self.ad_ids).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Decision:
    """A person's decision on a proposal, in force until taken back: the ads, "same" or
    "not the same", what it rests on, and who decided when."""

    id: str
    ad_ids: tuple[str, ...]
    decision: LinkDecision
    basis: tuple[str, ...]
    note: str | None
    decided_by: str
    decided_at: str


class _Groups:
    """Union-find over ids."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self._parent.setdefault(x, x)
        while parent != x:
            grand = self._parent[parent]
            self._parent[x] = grand
            x, parent = parent, grand
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def members(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for x in list(self._parent):
            out[self.find(x)].append(x)
        return out


# -- while capturing ---------------------------------------------------------------------------


def related(
    ctx: Context, *, phones: Iterable[str], text: str, exclude: str | None = None
) -> list[Related]:
    """Registered ads sharing a phone number with, or near-identical in text to, an ad
    being captured; strongest first."""
    conn = require_index(ctx.session.conn)
    shared: dict[str, set[str]] = defaultdict(set)
    numbers = sorted(set(phones))
    if numbers:
        marks = ", ".join("?" * len(numbers))
        for entity_id, phone in conn.execute(
            "SELECT d.entity_id, p.phone FROM search_phones p JOIN search_docs d "
            f"ON d.doc = p.doc WHERE d.entity_type = ? AND p.phone IN ({marks})",
            (AD_ENTITY, *numbers),
        ):
            shared[entity_id].add(phone)
    mine = shingles(text)
    scores: dict[str, float] = {}
    keys = band_keys(mine)
    if keys:
        docs = conn.execute(
            "SELECT DISTINCT d.doc, d.entity_id FROM ad_bands b CROSS JOIN search_docs d "
            f"ON d.doc = b.doc WHERE b.band IN ({_telling(conn, keys)})",
        ).fetchall()
        texts = _texts(conn, [doc for doc, _ in docs])
        for doc, entity_id in docs:
            score = similarity(mine, shingles(texts.get(doc, "")))
            if score >= THRESHOLD:
                scores[entity_id] = score
    out = [
        Related(i, tuple(sorted(shared.get(i, ()))), round(scores.get(i, 0.0), 3))
        for i in set(shared) | set(scores)
        if i != exclude
    ]
    return sorted(out, key=lambda r: (-len(r.phones), -r.similarity, r.ad_id))


# -- proposals ------------------------------------------------------------------------------


def proposals(ctx: Context, *, operation_id: str | None = None) -> list[Proposal]:
    """Every open proposal (of one operation's ads, or of all), largest first."""
    conn = require_index(ctx.session.conn)
    scope = " AND d.operation_id = ?" if operation_id else ""
    args: tuple[str, ...] = (AD_ENTITY, operation_id) if operation_id else (AD_ENTITY,)
    ids = dict(
        conn.execute(
            f"SELECT d.doc, d.entity_id FROM search_docs d WHERE d.entity_type = ?{scope}", args
        )
    )
    evidence = _Groups()
    phone_of: dict[int, set[str]] = defaultdict(set)
    for phone, docs in conn.execute(
        "SELECT p.phone, group_concat(p.doc) FROM search_phones p JOIN search_docs d "
        f"ON d.doc = p.doc WHERE d.entity_type = ?{scope} GROUP BY p.phone HAVING count(*) > 1",
        args,
    ):
        members = [int(x) for x in str(docs).split(",")]
        for doc in members:
            phone_of[doc].add(phone)
            evidence.union(str(members[0]), str(doc))
    pairs = _similar_pairs(conn, evidence, args, scope)
    return _open_proposals(ctx, evidence, ids, phone_of, pairs)


def proposal_for(ctx: Context, ad_id: str) -> Proposal | None:
    """The open proposal that includes ``ad_id``, if any, for the ad's own screen: found
    by following numbers and texts out from the ad (at most ``MAX_GROUP`` ads) rather than
    by grouping the whole register, so it takes milliseconds."""
    conn = require_index(ctx.session.conn)
    ad = ctx.require(AD_ENTITY, ad_id, "ad_id")
    row = conn.execute(
        "SELECT doc FROM search_docs WHERE entity_type = ? AND entity_id = ?", (AD_ENTITY, ad_id)
    ).fetchone()
    if row is None:
        return None
    scope = (AD_ENTITY, ad.operation_id)
    evidence = _Groups()
    phone_of: dict[int, set[str]] = defaultdict(set)
    pairs: list[tuple[int, int, float]] = []
    cache: dict[int, frozenset[int]] = {}
    reached, frontier = {int(row[0])}, [int(row[0])]
    while frontier and len(reached) < MAX_GROUP:
        doc = frontier.pop()
        joined = []
        for phone, other in conn.execute(
            "SELECT q.phone, q.doc FROM search_phones p CROSS JOIN search_phones q "
            "ON q.phone = p.phone CROSS JOIN search_docs d ON d.doc = q.doc "
            "WHERE p.doc = ? AND q.doc != p.doc AND +d.entity_type = ? AND +d.operation_id IS ?",
            (doc, *scope),
        ):
            phone_of[doc].add(phone)
            phone_of[other].add(phone)
            joined.append(other)
        mine = _shingled(conn, cache, doc)
        for (other,) in conn.execute(
            f"SELECT DISTINCT b.doc FROM ad_bands b CROSS JOIN search_docs d ON d.doc = b.doc "
            f"WHERE b.band IN ({_telling(conn, band_keys(mine))}) AND b.doc != ? "
            "AND +d.entity_type = ? AND +d.operation_id IS ?",
            (doc, *scope),
        ):
            if evidence.find(str(doc)) == evidence.find(str(other)) or other in joined:
                continue
            score = similarity(mine, _shingled(conn, cache, other))
            if score >= THRESHOLD:
                pairs.append((doc, other, score))
                joined.append(other)
        for other in joined:
            evidence.union(str(doc), str(other))
            if other not in reached:
                reached.add(other)
                frontier.append(other)
    evidence.find(str(row[0]))  # a lone ad is a group of one
    ids = _entity_ids(conn, sorted(reached))
    found = [p for p in _open_proposals(ctx, evidence, ids, phone_of, pairs) if ad_id in p.ad_ids]
    return found[0] if found else None


def _telling(conn: Connection, keys: Sequence[int]) -> str:
    """The band keys among ``keys`` that are not boilerplate, as an SQL list (integers
    this module computed, so safe to inline)."""
    if not keys:
        return "NULL"
    marks = ", ".join("?" * len(keys))
    rows = conn.execute(
        f"SELECT band FROM ad_bands WHERE band IN ({marks}) GROUP BY band HAVING count(*) <= ?",
        (*keys, COMMON_BAND),
    )
    return ", ".join(str(int(band)) for (band,) in rows) or "NULL"


def _shingled(conn: Connection, cache: dict[int, frozenset[int]], doc: int) -> frozenset[int]:
    if doc not in cache:
        cache[doc] = shingles(_texts(conn, [doc]).get(doc, ""))
    return cache[doc]


def _entity_ids(conn: Connection, docs: Sequence[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for start in range(0, len(docs), 500):
        chunk = docs[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        out.update(
            conn.execute(f"SELECT doc, entity_id FROM search_docs WHERE doc IN ({marks})", chunk)
        )
    return out


def _similar_pairs(
    conn: Connection, evidence: _Groups, args: tuple[str, ...], scope: str
) -> list[tuple[int, int, float]]:
    """Near-identical text pairs among ads sharing a band key, joined into ``evidence``.

    Only pairs not already joined (by a shared number, or by texts compared before) are
    compared: a pair's similarity would add nothing to the proposal they are both in, and
    over 100,000 ads the comparisons are most of the time this takes."""
    buckets = [
        [int(x) for x in str(docs).split(",")]
        for (docs,) in conn.execute(
            "SELECT group_concat(b.doc) FROM ad_bands b JOIN search_docs d ON d.doc = b.doc "
            f"WHERE d.entity_type = ?{scope} GROUP BY b.band "
            "HAVING count(*) > 1 AND count(*) <= ?",
            (*args, COMMON_BAND),
        )
    ]
    candidates: list[tuple[int, int]] = []
    seen: set[tuple[int, int]] = set()
    for bucket in buckets:
        if len(bucket) <= _PAIRWISE_BUCKET:
            pairs_here = [(a, b) for i, a in enumerate(bucket) for b in bucket[i + 1 :]]
        else:
            pairs_here = [(bucket[0], b) for b in bucket[1:]]
        for pair in pairs_here:
            if pair not in seen and evidence.find(str(pair[0])) != evidence.find(str(pair[1])):
                seen.add(pair)
                candidates.append(pair)
    texts = _texts(conn, sorted({doc for pair in candidates for doc in pair}))
    cache: dict[int, frozenset[int]] = {}
    pairs: list[tuple[int, int, float]] = []
    for a, b in candidates:
        if evidence.find(str(a)) == evidence.find(str(b)):
            continue  # joined since, through other ads
        for doc in (a, b):
            if doc not in cache:
                cache[doc] = shingles(texts.get(doc, ""))
        score = similarity(cache[a], cache[b])
        if score >= THRESHOLD:
            pairs.append((a, b, score))
            evidence.union(str(a), str(b))
    return pairs


def _open_proposals(
    ctx: Context,
    evidence: _Groups,
    ids: dict[int, str],
    phone_of: dict[int, set[str]],
    pairs: Sequence[tuple[int, int, float]],
) -> list[Proposal]:
    confirmed, dismissed = _decisions(ctx)
    pairs_by_root: dict[str, list[tuple[str, str, float]]] = defaultdict(list)
    for a, b, score in pairs:
        if a in ids and b in ids:
            pairs_by_root[evidence.find(str(a))].append((ids[a], ids[b], round(score, 3)))
    out = []
    for root, members in evidence.members().items():
        docs = [int(m) for m in members if int(m) in ids]
        ad_ids = tuple(sorted(ids[d] for d in docs))
        if (
            len(ad_ids) < 2
            or frozenset(ad_ids) in dismissed
            or any(frozenset(ad_ids) <= d for d in dismissed)
        ):
            continue
        groups = _partition(ad_ids, confirmed)
        if len(groups) == 1 and len(groups[0]) == len(ad_ids):
            continue  # one confirmed advertiser already covers every ad here
        shared = sorted({p for d in docs for p in phone_of.get(d, ())})
        phones = tuple(p for p in shared if sum(p in phone_of.get(d, ()) for d in docs) > 1)
        out.append(
            Proposal(
                ad_ids=ad_ids,
                phones=phones,
                similar_texts=tuple(sorted(pairs_by_root.get(root, []))),
                confirmed=tuple(g for g in groups if len(g) > 1),
            )
        )
    return sorted(out, key=lambda p: (-len(p.ad_ids), p.ad_ids))


def _partition(ad_ids: Sequence[str], confirmed: _Groups) -> list[tuple[str, ...]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for ad_id in ad_ids:
        groups[confirmed.find(ad_id)].append(ad_id)
    return sorted(tuple(sorted(g)) for g in groups.values())


def _decisions(ctx: Context) -> tuple[_Groups, set[frozenset[str]]]:
    confirmed = _Groups()
    dismissed: set[frozenset[str]] = set()
    for link in ctx.records.find(ADVERTISER_LINK_ENTITY):
        ad_ids = list(link.get("ad_ids") or [])
        if link.get("decision") == LinkDecision.SAME.value:
            for other in ad_ids[1:]:
                confirmed.union(ad_ids[0], other)
        else:
            dismissed.add(frozenset(ad_ids))
    return confirmed, dismissed


def _texts(conn: Connection, docs: Sequence[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for start in range(0, len(docs), 500):
        chunk = docs[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for doc, title, body in conn.execute(
            f"SELECT rowid, title, body FROM search_fts WHERE rowid IN ({marks})",
            chunk,
        ):
            out[int(doc)] = body or title or ""
    return out


# -- decisions ------------------------------------------------------------------------------


def confirm_same_advertiser(
    ctx: Context,
    ad_ids: Sequence[str],
    *,
    basis: Sequence[LinkBasis | str] = (),
    note: str | None = None,
) -> Change:
    """A person confirms that these ads are one advertiser's (recorded as an event)."""
    return _decide(ctx, ad_ids, LinkDecision.SAME, basis, note)


def dismiss_proposal(ctx: Context, ad_ids: Sequence[str], note: str | None = None) -> Change:
    """A person looked at a proposal and judged it not one advertiser."""
    return _decide(ctx, ad_ids, LinkDecision.NOT_SAME, (), note)


def withdraw_decision(ctx: Context, link_id: str, reason: str) -> Change:
    """Take back a confirmation or dismissal (it stays in the log, marked void, with the
    reason); its ads are proposed again if the evidence still joins them."""
    return entities.void(ctx, ADVERTISER_LINK_ENTITY, link_id, reason)


def decisions(ctx: Context, *, operation_id: str | None = None) -> list[Decision]:
    """The decisions in force (of one operation's ads, or of all), newest first: what can
    be taken back."""
    found = ctx.records.find(ADVERTISER_LINK_ENTITY, operation_id=operation_id)
    return [
        Decision(
            id=r.entity_id,
            ad_ids=tuple(r.get("ad_ids") or ()),
            decision=LinkDecision(r.get("decision")),
            basis=tuple(r.get("basis") or ()),
            note=r.get("note"),
            decided_by=r.created_by,
            decided_at=r.created_at,
        )
        for r in reversed(found)  # found in the order they were made
    ]


def advertiser_of(ctx: Context, ad_id: str) -> tuple[str, ...]:
    """Every live ad confirmed, directly or through others, as the same advertiser's as
    ``ad_id`` (``ad_id`` alone if none)."""
    confirmed, _ = _decisions(ctx)
    root = confirmed.find(ad_id)
    members = confirmed.members().get(root, [ad_id])
    live = [m for m in members if (r := ctx.records.get(AD_ENTITY, m)) and not r.voided]
    return tuple(sorted(set(live) | {ad_id}))


def _decide(
    ctx: Context,
    ad_ids: Sequence[str],
    decision: LinkDecision,
    basis: Sequence[LinkBasis | str],
    note: str | None,
) -> Change:
    unique = sorted(set(ad_ids))
    if len(unique) < 2:
        raise InvalidInput(
            coded("two_ads_needed", "Ads: name at least two different ads."), field="ad_ids"
        )
    operations = {r.operation_id for r in (ctx.records.get(AD_ENTITY, i) for i in unique) if r}
    data: dict[str, Any] = {
        "ad_ids": unique,
        "decision": decision.value,
        "basis": [str(b) for b in basis],
    }
    if note:
        data["note"] = note
    return entities.create(
        ctx,
        ADVERTISER_LINK_ENTITY,
        data,
        operation_id=operations.pop() if len(operations) == 1 else None,
        cleaner=clean_advertiser_link,
    )
