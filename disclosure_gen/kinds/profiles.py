"""Wording profiles, shared by every kind: a folder per region under the kind's
``templates/profiles/``, holding only the templates whose wording differs from the kind's
standard one, selected by 基本信息!措辞模板.

One helper for both kinds, so a profile is found, listed and layered the same way for a
budget and a final-accounts document.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from disclosure_gen.workbook.schema import Field, FieldType


def shipped(profiles: Path) -> dict[str, str]:
    """The profiles a kind ships: display name (``profile.yaml`` ``name``) → folder name,
    sorted by folder, so the 措辞模板 dropdown lists them in a stable order."""
    out = {}
    for meta in sorted(profiles.glob("*/profile.yaml")):
        data = yaml.safe_load(meta.read_text(encoding="utf-8"))
        out[str(data["name"])] = meta.parent.name
    return out


def layered(profiles: Path, wording: str | None, templates: Path) -> tuple[Path, ...]:
    """Where a kind's template names resolve, first match wins: the selected profile's
    folder of overrides (none for the standard wording), then the kind's own templates.
    A user's ``--templates`` folder is put before both by the environment."""
    return ((profiles / wording,) if wording else ()) + (templates,)


def wording_field(example: str) -> Field:
    """基本信息!措辞模板, the dropdown of ``shipped`` profiles (list ``wordings``); its hint
    names one region as an example."""
    return Field(
        "wording",
        "措辞模板",
        FieldType.CHOICE,
        False,
        "wordings",
        f"留空使用标准措辞；选择地区措辞模板（如{example}）时按该地区公开文件的结构和写法生成",
    )
