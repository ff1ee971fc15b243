# make demo  — set everything up and generate the example disclosure into out/
# make test  — set everything up and run the tests
# Set-up is idempotent: system packages and the virtual environment are installed only
# when missing (scripts/system-deps.sh says what to do where it cannot install).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
EXAMPLE := examples/unit-budget-2024/workbook.xlsx

.PHONY: demo test setup system-deps seedcheck-deps lint bench inputs golden clean

demo: setup
	$(BIN)/disclosure-gen generate $(EXAMPLE) -o out

test: setup
	$(BIN)/python -m pytest

setup: system-deps $(STAMP) seedcheck-deps

# ../shared/tools/seedcheck.py reads PDFs with pypdf; let the plain python3 run it too
# (best effort: an externally managed system Python is left alone).
seedcheck-deps:
	@$(PYTHON) -c "import pypdf" 2>/dev/null || $(PYTHON) -m pip install --quiet pypdf 2>/dev/null || true

system-deps:
	@bash scripts/system-deps.sh

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

lint: setup
	$(BIN)/ruff check disclosure_gen tests scripts
	$(BIN)/mypy disclosure_gen tests scripts

bench: setup
	$(BIN)/python scripts/benchmark.py

inputs: setup
	$(BIN)/python scripts/write_inputs.py

# After an intended change to a generated document: look at it, then refresh the digests.
golden: setup
	$(BIN)/python scripts/golden.py

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
