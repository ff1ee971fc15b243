"""The render context both output formats draw, whatever the document kind."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from jinja2 import Environment

from disclosure_gen.render.blocks import Block

# libyaml's safe loader where PyYAML was built with it: the same data as yaml.safe_load,
# read about ten times faster (the tables' YAML took some 50 ms of every generate)
SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class RenderContext:
    """What the HTML and DOCX templates see: document metadata and the blocks."""

    title: str
    unit_name: str
    year: int
    blocks: tuple[Block, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "unit_name": self.unit_name,
            "year": self.year,
            "blocks": self.blocks,
        }


def load_specs(env: Environment, name: str) -> dict[str, Any]:
    """A YAML template (table headers and widths) through the environment's loader, so a
    user's copy overrides ours."""
    source, _, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
    specs: dict[str, Any] = yaml.load(source, Loader=SAFE_LOADER)
    return specs
