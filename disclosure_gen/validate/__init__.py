"""Findings, the rule registry and the rules that check a workbook model."""
