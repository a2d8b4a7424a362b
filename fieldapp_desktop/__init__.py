"""The ``fieldapp`` command: starts the composition root (``main.py``) however the app
was installed.

The repository keeps ``main.py`` and ``ui/`` at its top level, but an installed wheel must
not put such generic names into site-packages, where they would clash with any other
``ui`` or ``main``. The wheel therefore carries them inside this package
(``fieldapp_desktop/main.py``, ``fieldapp_desktop/ui/``; pyproject's build config maps
them), and this launcher puts its own folder at the front of ``sys.path`` of the
fieldapp process only, so ``import ui`` and ``import main`` work unchanged. In a checkout
(an editable install) the folder holds only this file, and the project folder on
``sys.path`` provides both.
"""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path


def main() -> int:
    here = files(__name__)
    if isinstance(here, Path) and (here / "main.py").is_file() and str(here) not in sys.path:
        sys.path.insert(0, str(here))
    import main as composition_root

    return composition_root.main()
