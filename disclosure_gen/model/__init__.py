"""The typed model of a filled workbook; every value remembers its sheet and cell."""
