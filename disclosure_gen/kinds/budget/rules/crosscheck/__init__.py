"""Cross-checks: what the workbook states must agree with itself and with what is derived."""
