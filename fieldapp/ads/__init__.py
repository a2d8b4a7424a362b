"""Ad mapping (inre spaning): the register of sex-for-payment ads found online before and
during an operation, what can be read out of them (phones, prices, place), the encrypted
full-text index over ads and free observations, and proposals of "same advertiser".

Modules: ``extract`` (with ``prices`` and ``places``) reads an ad's text; ``model`` checks
an ad record; ``register`` and ``links`` hold the use cases; ``pages`` and ``csv_rows``
read saved web pages and CSV files, ``importing`` stores them all-or-nothing; ``index`` is
the projection behind ``search`` and ``duplicates`` (with ``similarity``), one of every
vault's core projections.
"""
