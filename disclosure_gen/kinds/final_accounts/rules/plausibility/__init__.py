"""Plausibility: amounts of an impossible size, dates outside the year after the 决算 year."""
