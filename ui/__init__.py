"""The PySide6 desktop UI of Insatsstöd: windows, dialogs and their wiring.

Everything here only shows and drives the Qt-free core in ``fieldapp``; the entry point is
``ui.app.run_gui``.
"""
