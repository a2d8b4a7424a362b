"""The dark theme: Fusion style, a dark palette and a few named colours.

The app is used in hotel corridors at night (DESIGN 6a.8), so dark is the default and the
base font is a little larger than Qt's. Colours that carry meaning (errors, the demo
banner) live here so every screen uses the same ones.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from fieldapp.paths import resource

BASE_POINT_SIZE = 11.0
# The large-text option (Settings): every size in the app grows by the same factor.
LARGE_POINT_SIZE = 14.0
# Officer id and passphrase are typed under stress, often by torchlight: make them big.
ENTRY_POINT_SIZE = 14.0
TITLE_POINT_SIZE = 18.0

ERROR_COLOR = "#ff9d8f"  # light red: readable on the dark base, not alarming neon
HINT_COLOR = "#e8c170"  # amber: "not yet acceptable" while typing, before any submit
OK_COLOR = "#8fd19e"
MUTED_COLOR = "#a3a9b3"
FOCUS_COLOR = "#7fb2ff"
FIELD_BACKGROUND = "#15171a"
FIELD_BORDER = "#4a505a"  # visible edges: Fusion's own outline vanishes on a dark window

# A PNG, not SVG: PNG needs no image plug-in at start-up. Qt picks the @2x file on HiDPI.
_ARROW = resource("icons", "arrow_down.png").as_posix()
_CHECK = resource("icons", "check.png").as_posix()

_STYLE_SHEET = f"""
QLabel[severity="error"] {{ color: {ERROR_COLOR}; }}
QLabel[severity="hint"] {{ color: {HINT_COLOR}; }}
QLabel[severity="ok"] {{ color: {OK_COLOR}; }}
QLabel[muted="true"] {{ color: {MUTED_COLOR}; }}
QFrame#demoBanner {{
    background: #4a3a0c;
    border: 1px solid #c9a227;
    border-radius: 6px;
}}
QFrame#demoBanner QLabel {{ color: #ffe9a8; }}
QFrame#messageBox {{
    background: #3d1f1c;
    border: 1px solid {ERROR_COLOR};
    border-radius: 6px;
}}
QFrame#messageBox QLabel {{ color: #ffd6cf; }}
QLineEdit, QComboBox, QSpinBox {{
    background: {FIELD_BACKGROUND};
    border: 1px solid {FIELD_BORDER};
    border-radius: 4px;
    padding: 4px 8px;
}}
QLineEdit:focus, QComboBox:focus, QSpinBox:focus {{ border-color: {FOCUS_COLOR}; }}
QLineEdit:read-only {{ color: {MUTED_COLOR}; }}
QLineEdit:disabled, QComboBox:disabled {{
    background: #1b1d21;
    color: #5d636d;
    border-color: #2a2d33;
}}
QComboBox QLineEdit {{ border: none; padding: 0; background: transparent; }}
QComboBox::drop-down {{ border: none; width: 30px; }}
QComboBox::down-arrow {{ image: url("{_ARROW}"); width: 12px; height: 8px; }}
QComboBox QAbstractItemView {{
    background: {FIELD_BACKGROUND};
    border: 1px solid {FOCUS_COLOR};
    outline: 0;
}}
QComboBox QAbstractItemView::item {{ padding: 4px 8px; min-height: 22px; }}
QComboBox QAbstractItemView::item:selected {{
    background: #2f4f7f;
    color: #ffffff;
    border-left: 3px solid {FOCUS_COLOR};
}}
QWidget#choiceRows {{ border: 1px solid transparent; border-radius: 4px; }}
QWidget#choiceRows:focus {{ border: 1px solid {FOCUS_COLOR}; background: #1a2333; }}
QRadioButton {{ padding: 2px 0; }}
QRadioButton::indicator {{
    width: 14px;
    height: 14px;
    border-radius: 8px;
    background: {FIELD_BACKGROUND};
    border: 1px solid #8a909a;
}}
QRadioButton::indicator:checked {{ background: #3d7be0; border: 3px solid #cfe0ff; }}
QRadioButton[chosen="true"], QLabel[chosen="true"] {{ font-weight: bold; color: #ffffff; }}
QCheckBox::indicator, QListView::indicator {{
    width: 16px;
    height: 16px;
    background: {FIELD_BACKGROUND};
    border: 1px solid {FIELD_BORDER};
    border-radius: 3px;
}}
QCheckBox::indicator:focus {{ border-color: {FOCUS_COLOR}; }}
QCheckBox::indicator:checked, QListView::indicator:checked {{
    background: #3d7be0;
    border-color: #3d7be0;
    image: url("{_CHECK}");
}}
QListWidget#navigation {{
    background: #191b1f;
    border: none;
    border-right: 1px solid #30343b;
    padding-top: 8px;
    outline: 0;
}}
QListWidget#navigation::item {{
    padding: 10px 14px;
    border-left: 3px solid transparent;
}}
QListWidget#navigation::item:selected {{
    background: #2f4f7f;
    color: #ffffff;
    border-left: 3px solid {FOCUS_COLOR};
}}
QStatusBar {{ border-top: 1px solid #30343b; }}
QStatusBar QLabel {{ padding: 2px 10px; }}
QPushButton {{ padding: 6px 16px; }}
QPushButton:focus {{ border: 1px solid {FOCUS_COLOR}; }}
QPushButton[primary="true"] {{ background: #2f5fae; color: #ffffff; }}
QPushButton[primary="true"]:focus {{ background: #3d7be0; }}
QPushButton[primary="true"]:disabled {{ background: #2c3038; color: #7b818c; }}
QLabel#badge {{
    border-radius: 6px;
    padding: 4px 12px;
    font-weight: bold;
    color: #0e1013;
}}
QLabel#badge[badge="completed"] {{ background: {OK_COLOR}; }}
QLabel#badge[badge="attempt"] {{ background: {HINT_COLOR}; }}
QLabel#badge[badge="not_enough"] {{ background: #59606b; color: #ffffff; }}
QLabel#badge[badge="child"] {{ background: #ff6b5b; }}
QLabel#badge[badge="trafficking"] {{ background: #c59bff; }}
QLabel#badge[badge="closed"] {{ background: #3a3f48; color: #e8eaed; }}
QFrame#caseHeader, QFrame#panelFrame {{
    background: #191b1f;
    border: 1px solid #30343b;
    border-radius: 6px;
}}
QFrame#explanation {{
    background: #23262c;
    border: 1px solid {FOCUS_COLOR};
    border-radius: 6px;
}}
QLabel[role="stepTitle"] {{ font-weight: bold; }}
QLabel#dayFineExplanation {{
    background: #191b1f;
    border: 1px solid #30343b;
    border-radius: 6px;
    padding: 8px 10px;
}}
QLabel[role="phone"] {{ color: #ffffff; font-weight: bold; }}
QLabel[role="bigNumber"] {{ color: #ffffff; font-weight: bold; }}
QListView#checklist, QListView#timeline, QTableView {{
    background: {FIELD_BACKGROUND};
    border: 1px solid #30343b;
    border-radius: 4px;
}}
QListView#checklist::item {{ padding: 5px 6px; border-bottom: 1px solid #23262c; }}
QListView#checklist::item:selected {{
    background: #2f4f7f;
    color: #ffffff;
    border-left: 3px solid {FOCUS_COLOR};
}}
QListView#timeline::item {{ padding: 4px 6px; border-bottom: 1px solid #23262c; }}
QLineEdit#quickNote {{ padding: 8px 10px; }}
QFrame#contactsPanel {{
    background: #191b1f;
    border-left: 2px solid {FOCUS_COLOR};
}}
QHeaderView::section {{
    background: #23262c;
    color: {MUTED_COLOR};
    border: none;
    border-bottom: 1px solid #30343b;
    padding: 4px 8px;
}}
QScrollArea {{ border: none; }}
"""


def dark_palette() -> QPalette:
    """A dark palette with enough contrast for night use (text about 12:1 on the base)."""
    window = QColor("#1f2227")
    base = QColor("#15171a")
    text = QColor("#e8eaed")
    button = QColor("#2c3038")
    disabled_text = QColor("#7b818c")
    highlight = QColor("#3d7be0")

    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor("#23262c"),
        QPalette.ColorRole.ToolTipBase: button,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor("#8a909a"),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: button,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor("#ff6b5b"),
        QPalette.ColorRole.Light: QColor("#3a3f48"),
        QPalette.ColorRole.Midlight: QColor("#30343b"),
        QPalette.ColorRole.Mid: QColor("#26292f"),
        QPalette.ColorRole.Dark: QColor("#111315"),
        QPalette.ColorRole.Shadow: QColor("#000000"),
        QPalette.ColorRole.Highlight: highlight,
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: QColor("#7fb2ff"),
        QPalette.ColorRole.LinkVisited: QColor("#b79cff"),
    }
    for role, color in roles.items():
        palette.setColor(role, color)
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(disabled, role, disabled_text)
    palette.setColor(disabled, QPalette.ColorRole.Button, QColor("#25282e"))
    palette.setColor(disabled, QPalette.ColorRole.Highlight, QColor("#3a3f48"))
    return palette


def apply_theme(app: QApplication, *, large_text: bool = False) -> None:
    """Fusion + the dark palette + the base font size + the few named styles."""
    app.setStyle("Fusion")
    app.setPalette(dark_palette())
    set_large_text(app, large_text)
    app.setStyleSheet(_STYLE_SHEET)
    install_script_fonts()


# Fonts the app ships for scripts a police laptop may have no system font for: the Thai
# leaflet's name in the language lists would otherwise show as empty boxes. Registered
# fonts join Qt's fallback, so every widget finds them without naming them (under 1 ms).
_SCRIPT_FONTS = ("NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf")


@cache
def install_script_fonts() -> None:
    """Register the shipped script fonts once per process; a missing file is skipped."""
    for name in _SCRIPT_FONTS:
        path = resource("fonts", name)
        if path.is_file():
            QFontDatabase.addApplicationFont(str(path))


def set_large_text(app: QApplication, large: bool) -> None:
    """The base font at the normal or the large size; widgets built afterwards follow."""
    font = app.font()
    font.setPointSizeF(LARGE_POINT_SIZE if large else BASE_POINT_SIZE)
    app.setFont(font)


def text_scale() -> float:
    """How much larger than normal the base font is now (1.0, or more with large text)."""
    size = QApplication.font().pointSizeF()
    return size / BASE_POINT_SIZE if size > 0 else 1.0


def sized_font(widget: QWidget, point_size: float, *, bold: bool = False) -> QFont:
    """``widget``'s font at ``point_size`` (scaled with large text); for titles, the big
    entry fields and the numbers read at arm's length."""
    font = QFont(widget.font())
    font.setPointSizeF(point_size * text_scale())
    font.setBold(bold)
    return font


def set_severity(widget: QWidget, severity: str) -> None:
    """Switch a label between the ``error``/``hint``/``ok`` styles of the style sheet."""
    if widget.property("severity") == severity:
        return
    widget.setProperty("severity", severity)
    # Dynamic-property selectors are only re-evaluated on a re-polish.
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
