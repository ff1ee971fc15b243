"""The web page (``disclosure-gen serve``): upload a workbook, see every finding on its
cell, download the annotated workbook and the documents.  Optional extra ``web``.

``work`` runs in worker processes (the same pipeline calls as the CLI), ``jobs`` keeps the
per-job temporary folders and the pool, ``uploads`` stores uploads and opens zips safely,
``security`` holds the password, CSRF and header rules, ``app`` the routes.
"""
