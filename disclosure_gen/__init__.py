"""disclosure_gen: one structured workbook in, a complete budget disclosure out.

The pipeline has one package per stage::

    workbook (read/write xlsx) → model (pydantic) → validate (findings)
                               → compute (tables, narrative facts) → render (DOCX, PDF)
"""

__version__ = "0.1.0"
