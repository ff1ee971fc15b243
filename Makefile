# make demo  — set everything up and generate the example disclosure into out/
# make test  — set everything up (with chromium for the web page's browser tests) and run the tests
# Set-up is idempotent: system packages and the virtual environment are installed only
# when missing (scripts/system-deps.sh says what to do where it cannot install).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
EXAMPLE := examples/unit-budget-2024/workbook.xlsx

.PHONY: demo test setup install system-deps browser-deps seedcheck-deps lint bench inputs golden clean

demo: setup
	$(BIN)/disclosure-gen generate $(EXAMPLE) -o out
	@echo "以后直接运行 $(BIN)/disclosure-gen（例如 $(BIN)/disclosure-gen validate 我的单位.xlsx），或运行 make install 把 disclosure-gen 放到 PATH 上。"

# Put the disclosure-gen command on PATH for this user, through pipx (its own isolated
# environment; the system libraries come from `make setup`).
install: system-deps
	@if command -v pipx >/dev/null 2>&1; then \
	  pipx install --force . || exit 1; \
	  pipx ensurepath >/dev/null 2>&1 || true; \
	  echo "已安装：新开一个终端后可直接运行 disclosure-gen。"; \
	else \
	  echo "没有找到 pipx。请先安装（Debian/Ubuntu: sudo apt-get install pipx；或 python3 -m pip install --user pipx），再运行 make install；" >&2; \
	  echo "也可以不安装，直接运行 $(CURDIR)/$(BIN)/disclosure-gen（先运行 make setup）。" >&2; \
	  exit 1; \
	fi

test: setup browser-deps
	$(BIN)/python -m pytest -n auto

setup: system-deps $(STAMP) seedcheck-deps

# ../shared/tools/seedcheck.py reads PDFs with pypdf; let the plain python3 run it too
# (best effort: an externally managed system Python is left alone).
seedcheck-deps:
	@$(PYTHON) -c "import pypdf" 2>/dev/null || $(PYTHON) -m pip install --quiet pypdf 2>/dev/null || true

system-deps:
	@bash scripts/system-deps.sh

# The web page's end-to-end tests drive Debian's chromium through Playwright (Playwright's
# own browser download is not used); installed only when missing.
browser-deps:
	@bash scripts/system-deps.sh --browser

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,dask,web]'
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
