from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.model import Disclosure, ExpenditureLine, Project, Target
from disclosure_gen.records import Located, SubordinateUnit
from disclosure_gen.validate.registry import rule

# Fields that hold a record's identity or bookkeeping, never printed as typed text.
UNPRINTED = frozenset({"sheet", "row", "cells"})


def secret_names(model: Disclosure) -> dict[str, str]:
    """Each secret name (unit or project) → what it is, for the message."""
    names = {u.name: "涉密单位" for u in model.subordinate_units if u.secret}
    names.update({p.name: "涉密项目" for p in model.projects if p.secret})
    return names


def _about_a_secret(record: Located, names: dict[str, str]) -> bool:
    """Records whose texts the document withholds or masks by design: the secret unit's
    own row, a secret project's description and targets, and the expenditure lines (their
    unit and project columns print as “涉密单位” / “特定目标”)."""
    if isinstance(record, ExpenditureLine):
        return True
    if isinstance(record, SubordinateUnit | Project):
        return record.name in names
    if isinstance(record, Target):
        return record.project in names
    return False


def _records(model: Disclosure) -> Iterator[Located]:
    for name in type(model).model_fields:
        value = getattr(model, name)
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, Located):
                yield item


@rule("X019", Severity.ERROR, "文字中出现涉密单位或涉密项目的名称")
def secret_name_printed(ctx: BudgetContext) -> Iterator[Finding]:
    """A secret unit or project is printed as “涉密单位” / “特定目标 <编码>”, but a text the
    document prints as typed (a reason on 上年对比, another project's 承担单位 or 政策依据,
    主要职能, a 功能类用途, an indicator…) that names it would publish the name anyway.
    Reword the text without the name."""
    names = secret_names(ctx.model)
    if not names:
        return
    for record in _records(ctx.model):
        if _about_a_secret(record, names):
            continue
        for key in type(record).model_fields:
            value = getattr(record, key)
            if key in UNPRINTED or not isinstance(value, str) or not value:
                continue
            for name, what in names.items():
                if name in value:
                    yield get("X019").finding(
                        f"此处文字含{what}名称“{name}”，文件会原样公开它；请改写，不要写出该名称。",
                        record.sheet,
                        record.cell(key),
                        f"第 {record.row} 行" if record.row else None,
                    )
                    break
