"""The names of the ad register's records and the form an ad's address is compared in:
what the search index (a projection every vault maintains) and the ad use cases share,
in a module that imports nothing of ``fieldapp``."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

AD_ENTITY = "ad"
ADVERTISER_LINK_ENTITY = "advertiser_link"


def normalise_url(url: str) -> str:
    """The form two addresses of one ad page share: lower-case scheme and host, no
    fragment, no trailing slash."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()  # malformed: the row is refused when its fields are checked
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))
