"""Use cases: everything a user can do, as functions that append events and return what
changed. The UI and the CLI call these; neither writes records by itself."""
