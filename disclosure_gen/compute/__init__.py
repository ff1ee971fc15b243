"""Computation every kind shares: function/economic roll-ups, tables, figures with changes."""
