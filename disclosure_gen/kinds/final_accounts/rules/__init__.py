"""Model rules: one small rule per module, grouped in packages by what they check.

Importing this package imports every rule module (so their ``@rule`` decorators register
them); a new rule is a new module, nothing else to wire. The rules this kind shares with
the other kind live in ``disclosure_gen.validate.rules`` and are imported from here.
"""

from __future__ import annotations

import importlib
import pkgutil

import disclosure_gen.validate.rules  # noqa: F401  (the rules both kinds run)


def _import_all() -> None:
    for info in pkgutil.walk_packages(__path__, prefix=f"{__name__}."):
        importlib.import_module(info.name)


_import_all()
