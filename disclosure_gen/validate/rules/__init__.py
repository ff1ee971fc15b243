"""Model rules, one small rule per function, grouped by what they check.

Importing this package registers them all (see ``registry.rules``).
"""

from disclosure_gen.validate.rules import catalog, crosscheck, narrative  # noqa: F401
