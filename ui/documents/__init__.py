"""Preview, print and export of the PDFs that ``fieldapp.documents`` builds in memory."""
