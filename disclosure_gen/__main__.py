"""Allow ``python -m disclosure_gen``."""

from disclosure_gen.cli import app

app(prog_name="disclosure-gen")
