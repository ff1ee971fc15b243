"""The speed-ups change how the work is scheduled, never what it produces or leaves behind."""

from __future__ import annotations

import gc

import pytest

from disclosure_gen.render.pdf import fewer_collections


def test_pdf_rendering_collects_rarely_and_restores_the_collector_thresholds() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold()[0] >= 50_000
    assert gc.get_threshold() == before


def test_collector_thresholds_come_back_when_rendering_fails() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("a template that fails in rendering")
    assert gc.get_threshold() == before
