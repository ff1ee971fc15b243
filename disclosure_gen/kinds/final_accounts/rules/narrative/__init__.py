"""Narrative completeness: every comparison the document states has last year's actual and a reason that agrees with its direction."""
