"""Everything derived from the model: roll-ups, the eleven tables, narrative facts."""
