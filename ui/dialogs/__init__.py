"""Dialogs shown before the main window: first run (create the vault) and login."""
