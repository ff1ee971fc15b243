from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.final_accounts.compute import leaves as lv
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.validate.registry import rule


@rule("A006", Severity.WARNING, "“三公”经费数量与金额矛盾", kinds=("final_accounts",))
def counts_contradict_amounts(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """The 三公 counts must agree with the amounts computed from 决算明细: vehicles bought with
    no 公务用车购置费 (or the reverse), trips abroad without 因公出国（境）费, receptions without
    公务接待费, and the reverse of each."""
    t = ctx.model.three_public
    items = ctx.computed.facts.three_public_items
    checks = (
        (
            "cars_bought",
            t.cars_bought,
            items[lv.CAR_PURCHASE].amount,
            "公务用车购置数",
            "公务用车购置费（31013/30913）",
        ),
        (
            "abroad_groups",
            t.abroad_groups,
            items[lv.ABROAD].amount,
            "因公出国（境）团组数",
            "因公出国（境）费（30212）",
        ),
        (
            "receptions",
            t.receptions,
            items[lv.RECEPTION].amount,
            "国内公务接待批次",
            "公务接待费（30217）",
        ),
        (
            "cars_held",
            t.cars_held,
            items[lv.CAR_RUNNING].amount,
            "公务用车保有量",
            "公务用车运行维护费（30231）",
        ),
    )
    for key, count, amount, label, money in checks:
        if (count > 0) != (amount > 0):
            yield get("A006").finding(
                f"“三公经费”{label}为 {count}，而“决算明细”中财政拨款{money}为 {amount:,.2f} 万元；"
                "两者应同时为零或同时不为零，请核对数量或支出明细的经济分类。",
                t.sheet,
                t.cell(key),
            )
