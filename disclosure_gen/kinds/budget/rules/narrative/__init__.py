"""Narrative completeness: every change the document states has a prior-year figure and a
reason that agrees with its direction; every class with money says what it is for; no
placeholder text is left in."""
