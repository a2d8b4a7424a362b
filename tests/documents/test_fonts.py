"""The fonts' faster text-to-codes step gives the bytes ReportLab's own loop gives."""

from __future__ import annotations

from reportlab.pdfbase.ttfonts import TTFont

from fieldapp.documents import fonts
from fieldapp.paths import resource

# Swedish with no-break spaces, a character the font lacks (Thai in DejaVu), an empty run,
# and more than 256 different characters (Latin, Cyrillic, Greek) so that later ones fall
# into a second subset and some runs mix the two.
TEXTS = [
    "Förhandsgodkännande av strafföreläggande",
    "1\u00a0000\u00a0kr",
    "ข้อมูล Köpare",
    "",
    "".join(chr(c) for c in range(0x20, 0x17F)),
    "".join(chr(c) for c in range(0x400, 0x45F)),
    "Åklagare Ωμέγα ЖЗ ĀāĂ 1\u00a0000",
    "Förhandsgodkännande av strafföreläggande",
]


class _Document:
    """Stands for a PDF document: fonts keep their codes per document (weakly)."""


def test_split_string_gives_the_bytes_of_reportlabs_loop() -> None:
    path = str(resource("fonts", "DejaVuSans.ttf"))
    ours, theirs = fonts.TrueTypeFont("TestOurs", path), TTFont("TestTheirs", path)
    for doc in (_Document(), _Document()):
        for text in TEXTS * 2:
            assert ours.splitString(text, doc) == theirs.splitString(text, doc)
        assert ours.state[doc].assignments == theirs.state[doc].assignments
