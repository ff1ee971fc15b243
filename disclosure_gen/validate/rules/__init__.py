"""Rules both document kinds run, written against ``disclosure_gen.validate.lines``.

Each kind's ``rules`` package imports this one, so its modules register once (their
``@rule`` decorators name both kinds); a kind's rule context implements ``LinesContext``.
"""

from __future__ import annotations

import importlib
import pkgutil

BOTH = ("budget", "final_accounts")


def _import_all() -> None:
    for info in pkgutil.walk_packages(__path__, prefix=f"{__name__}."):
        importlib.import_module(info.name)


_import_all()
