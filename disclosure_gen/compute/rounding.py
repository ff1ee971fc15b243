"""尾差调整: round the lines of a two-way table so that its totals are rounded once.

Amounts are entered in 元 and shown in 万元 with two decimals.  Rounding every line on its
own and adding the rounded lines keeps "every displayed total equals the sum of its
displayed parts" but lets the totals drift by a few 0.01 万元 from the 元-exact totals, which
are what a finance officer compares with the approved budget.  :func:`allocate` gives each
line a displayed amount such that

- the grand total is the exact grand total rounded once (ROUND_HALF_UP);
- every row group (a funding source, a fund type …) and every column group (basic, project,
  personnel …) is the floor or the ceiling of its exact total, and equals its own rounding
  wherever the grand total allows it (a choice that minimises, rank by rank, the number of
  groups that give way; among equally good choices the groups whose remainders are closest
  to a half give way, then the earlier ones in line order);
- every cell (a finest row × a finest column) is the floor or ceiling of its exact total,
  spread over its lines by the largest-remainder method;
- every line is the floor or the ceiling of its exact amount, so it never moves more than
  one quantum (0.01 万元) from its own rounding.

Displayed totals are then sums of displayed lines, as before, so they still add up.

Row and column groups each form a tree (a row's path runs from the coarsest group to the
finest), so the problem is a controlled rounding of a two-way table with hierarchical
margins (Bacharach 1966, "Matrix rounding problems"; Cox 1987, "A constructive procedure for
unbiased controlled rounding").  It is solved exactly as a minimum-cost flow: source → row
tree → cells → column tree → sink, where the flow through a node is its displayed total
minus the floors of its cells.  Every edge has integer bounds, so an integral optimum
exists whenever the exact (fractional) table is feasible, which it always is.  The graph is
tiny (groups and cells, not lines), and everything is ``int`` or ``Decimal``: no float.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from disclosure_gen.money import CENT

Path = tuple[str, ...]
# The priority of a group: ("row" | "column", its path) → rank; a higher rank keeps its own
# rounding before a lower one gives way.  Cells rank below every group.
Rank = Callable[[str, Path], int]

_TIE_SCALE = 10**6  # resolution of the "closest to a half gives way first" tie-breaker


@dataclass(frozen=True)
class Part:
    """One line to round: its exact amount (in the displayed unit) and where it adds up."""

    amount: Decimal
    row: Path = ()
    column: Path = ()


def _units(amount: Decimal, quantum: Decimal) -> Decimal:
    """``amount`` counted in quanta, exactly (quantum is a power of ten)."""
    sign, digits, exponent = quantum.as_tuple()
    if sign or digits != (1,) or not isinstance(exponent, int):
        raise ValueError(f"quantum must be a power of ten, not {quantum}")
    return amount.scaleb(-exponent)


def _floor(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_FLOOR))


def _half_up(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_HALF_UP))


def round_once(amount: Decimal, quantum: Decimal = CENT) -> Decimal:
    """``amount`` rounded half up to ``quantum``."""
    return amount.quantize(quantum, rounding=ROUND_HALF_UP)


class _Flow:
    """Minimum-cost flow by successive shortest paths (Bellman-Ford, deterministic order)."""

    def __init__(self) -> None:
        self.head: list[list[int]] = []  # node → indices of its outgoing edges
        self.to: list[int] = []
        self.cap: list[int] = []
        self.cost: list[int] = []

    def node(self) -> int:
        self.head.append([])
        return len(self.head) - 1

    def edge(self, a: int, b: int, cap: int, cost: int) -> int:
        """Add a→b (and its residual b→a); return the index of a→b."""
        for x, y, c, k in ((a, b, cap, cost), (b, a, 0, -cost)):
            self.head[x].append(len(self.to))
            self.to.append(y)
            self.cap.append(c)
            self.cost.append(k)
        return len(self.to) - 2

    def flow(self, index: int) -> int:
        return self.cap[index ^ 1]

    def run(self, source: int, sink: int, amount: int) -> int:
        """Push up to ``amount`` units at least cost; return how many were pushed."""
        pushed = 0
        n = len(self.head)
        while pushed < amount:
            dist: list[int | None] = [None] * n
            via: list[int] = [-1] * n
            dist[source] = 0
            for _ in range(n):
                changed = False
                for a in range(n):
                    da = dist[a]
                    if da is None:
                        continue
                    for e in self.head[a]:
                        if self.cap[e] <= 0:
                            continue
                        b = self.to[e]
                        nd = da + self.cost[e]
                        db = dist[b]
                        if db is None or nd < db:
                            dist[b] = nd
                            via[b] = e
                            changed = True
                if not changed:
                    break
            if dist[sink] is None:
                break
            step = amount - pushed
            b = sink
            while b != source:
                e = via[b]
                step = min(step, self.cap[e])
                b = self.to[e ^ 1]
            b = sink
            while b != source:
                e = via[b]
                self.cap[e] -= step
                self.cap[e ^ 1] += step
                b = self.to[e ^ 1]
            pushed += step
        return pushed


@dataclass
class _Group:
    """A row group, a column group or a cell: its exact total and the floors beneath it."""

    side: str  # "row", "column" or "cell"
    path: Path
    exact: Decimal = Decimal(0)  # in quanta
    base: int = 0  # sum of the floors of its cells
    rank: int = 0

    @property
    def mandatory(self) -> int:
        return _floor(self.exact) - self.base

    @property
    def fractional(self) -> bool:
        return self.exact != _floor(self.exact)

    @property
    def rounds_up(self) -> bool:
        return _half_up(self.exact) != _floor(self.exact)

    @property
    def closeness(self) -> int:
        """How far its remainder is from a half, 0 (a half) … _TIE_SCALE (a whole)."""
        remainder = self.exact - _floor(self.exact)
        return _floor(abs(1 - 2 * remainder) * _TIE_SCALE)


def allocate(
    parts: Sequence[Part], quantum: Decimal = CENT, rank: Rank | None = None
) -> tuple[Decimal, ...]:
    """The displayed amount of each part, in ``quantum`` steps (see the module docstring).

    Deterministic: the same parts in the same order give the same result.
    """
    units = [_units(p.amount, quantum) for p in parts]
    floors = [_floor(u) for u in units]

    cells: dict[tuple[Path, Path], list[int]] = {}
    for index, part in enumerate(parts):
        cells.setdefault((part.row, part.column), []).append(index)

    rows: dict[Path, _Group] = {}
    columns: dict[Path, _Group] = {}
    cell_groups: dict[tuple[Path, Path], _Group] = {}
    for key, members in cells.items():
        exact = sum((units[i] for i in members), Decimal(0))
        cell = _Group("cell", key[0] + ("×",) + key[1], exact, _floor(exact))
        cell_groups[key] = cell
        for side, path, groups in (("row", key[0], rows), ("column", key[1], columns)):
            for depth in range(1, len(path) + 1):
                prefix = path[:depth]
                group = groups.setdefault(prefix, _Group(side, prefix))
                group.exact += cell.exact
                group.base += cell.base
    grand_exact = sum((c.exact for c in cell_groups.values()), Decimal(0))
    grand_base = sum(c.base for c in cell_groups.values())

    # Lexicographic weights: one deviation at a rank outweighs every deviation below it,
    # and the fewest deviations outweigh where the remainders lie (the last tie-breaker).
    tiers: dict[int, list[_Group]] = {}
    for group in (*rows.values(), *columns.values()):
        group.rank = rank(group.side, group.path) if rank else 0
        tiers.setdefault(group.rank, []).append(group)
    below = (len(rows) + len(columns) + len(cell_groups)) * _TIE_SCALE
    cell_weight = below + 1
    below += cell_weight * len(cell_groups)
    weights: dict[int, int] = {}
    for r in sorted(tiers):
        weights[r] = below + 1
        below += weights[r] * len(tiers[r])
    big = below + 1

    def cost(group: _Group, weight: int) -> int:
        deviation = weight + group.closeness
        return -deviation if group.rounds_up else deviation

    net = _Flow()
    source, sink = net.node(), net.node()
    row_node: dict[Path, int] = {(): source}
    column_node: dict[Path, int] = {(): sink}
    mandatory: list[tuple[int, int]] = []

    def link(a: int, b: int, group: _Group, weight: int) -> None:
        if group.mandatory:
            mandatory.append((net.edge(a, b, group.mandatory, -big), group.mandatory))
        if group.fractional:
            net.edge(a, b, 1, cost(group, weight))

    for path, group in rows.items():  # insertion order: parents before children
        row_node[path] = net.node()
        link(row_node[path[:-1]], row_node[path], group, weights[group.rank])
    for path, group in columns.items():
        column_node[path] = net.node()
        link(column_node[path], column_node[path[:-1]], group, weights[group.rank])
    cell_edge: dict[tuple[Path, Path], int] = {}
    for key, cell in cell_groups.items():
        if cell.fractional:
            a, b = row_node[key[0]], column_node[key[1]]
            cell_edge[key] = net.edge(a, b, 1, cost(cell, cell_weight))

    target = _half_up(grand_exact) - grand_base
    pushed = net.run(source, sink, target)
    if pushed != target or any(net.flow(e) != need for e, need in mandatory):
        raise AssertionError("controlled rounding found no solution")  # impossible (TU)

    shown = list(floors)
    for key, members in cells.items():
        cell = cell_groups[key]
        value = cell.base + (net.flow(cell_edge[key]) if key in cell_edge else 0)
        ups = value - sum(floors[i] for i in members)
        order = sorted(members, key=lambda i: (-(units[i] - floors[i]), i))
        for i in order[:ups]:
            shown[i] += 1
    return tuple(Decimal(s) * quantum for s in shown)
