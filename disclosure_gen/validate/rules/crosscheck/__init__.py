"""Rules every document kind runs over its coded lines (see disclosure_gen.validate.lines)."""
