"""The input workbook: its schema (defined once), the writer behind ``init`` and the reader."""
