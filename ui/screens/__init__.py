"""The main window's screens: operations, dashboard, cases and the case screen, documents,
settings, and the contacts panel."""
