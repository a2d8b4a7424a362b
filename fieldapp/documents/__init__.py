"""Documents: data in, PDF bytes out (ReportLab, no Qt).

``service`` is the entry point for the UI and the CLI; one module per document builds it
from plain data (``approval``, ``leaflets``, ``hotel_sheet``, ``case_summary``,
``operation_report``), on the shared page of ``page`` with its fonts, styles and stamp.
"""
