"""What a document kind provides to the shared machinery.

A kind (budget, final accounts) is one folder under ``kinds/``: its workbook schema, its
model, its computations, its rules and its wording templates.  The pipeline, the reader,
the writer, the validator and the renderers take a kind as a parameter and know nothing
else about it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from jinja2 import Environment

from disclosure_gen.render.context import RenderContext
from disclosure_gen.validate.context import Settings
from disclosure_gen.workbook.schema import WorkbookSchema

if TYPE_CHECKING:  # next-year and consolidate are imported only when run
    from collections.abc import Sequence

    from disclosure_gen.consolidation import Consolidated, Part
    from disclosure_gen.yearly import NextWorkbook


class RuleContext(Protocol):
    """What a kind's rules see; the figures it computed are rendered as they are."""

    @property
    def computed(self) -> Any: ...


class DocumentKind(Protocol):
    @property
    def name(self) -> str: ...  # code word 基本信息!公开类型 maps to (budget, final_accounts)
    @property
    def label(self) -> str: ...  # 预算公开 / 决算公开
    @property
    def schema(self) -> WorkbookSchema: ...
    @property
    def templates(self) -> Path: ...  # the kind's wording templates, named "<name>/<file>"

    def template_folders(self, model: Any) -> tuple[Path, ...]:
        """Where "<name>/<file>" resolves for this model, first match wins: a wording
        profile's folder of overrides (if the workbook selects one), then ``templates``."""
        ...

    def build_model(self, records: dict[str, Any]) -> Any:
        """The kind's model from the reader's records; raises (KeyError, ValidationError,
        TypeError) when a required record is missing, which the reader has reported."""
        ...

    def rule_context(self, model: Any, settings: Settings) -> RuleContext: ...

    def compute(self, model: Any) -> Any: ...

    def render_context(self, env: Environment, model: Any, computed: Any) -> RenderContext:
        """The blocks both output formats render, phrased by the kind's templates."""
        ...

    def consolidate(self, dept: Part, units: Sequence[Part]) -> Consolidated:
        """The department's workbook from its 本级 part and its units' parts (``disclosure-gen
        consolidate``), or the located disagreements that stop it."""
        ...

    def next_year(
        self, model: Any, year: int, all_projects: bool = False, computed: Any | None = None
    ) -> NextWorkbook:
        """Next year's workbook from this valid model (``disclosure-gen next-year``;
        ``computed``: its figures, if validation computed them already); raises
        ``yearly.NextYearError`` for an impossible year."""
        ...
