"""fieldapp (Insatsstöd): the Qt-free core of the field application.

Everything a user can do lives here as a use case first; ``ui`` only shows it.
"""

APP_NAME = "Insatsstöd"
APP_ID = "fieldapp"
__version__ = "0.1.0"
