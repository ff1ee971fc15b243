"""Render one context into two outputs: DOCX (docxtpl) and PDF (WeasyPrint)."""
