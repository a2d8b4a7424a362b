"""The Sync section: on a laptop, the station it sends to, bundles out and receipts in, and
retention; at the station, importing bundles off the GUI thread, the review queue of
conflicts and alarms, the consolidated case list and linking the laptops' operations.

Every action here is a ``fieldapp.sync`` (or workflow) use case; these widgets only show it
and drive it. The main window builds the page with ``make_sync_page(session, parent)``.
"""

from ui.sync.page import SyncPage, make_sync_page

__all__ = ["SyncPage", "make_sync_page"]
