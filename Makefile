# The two commands of the README, from a clean clone on a fresh machine:
#   make run    set up .venv if missing, install the pinned dependencies and the package, start
#   make test   the same set-up with the test tools, then the whole suite headless
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip install --disable-pip-version-check -c constraints.txt

.PHONY: run test lint bench translations wheel clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# A stamp per set-up, remade when the pins or the project's metadata change.
$(VENV)/.installed-run: $(BIN)/python pyproject.toml constraints.txt
	$(PIP) -e .
	touch $@

$(VENV)/.installed-test: $(BIN)/python pyproject.toml constraints.txt
	$(PIP) -e '.[test]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/spbgui $(ARGS)

test: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check spbgui tests benchmarks packaging db
	$(BIN)/ruff format --check spbgui tests benchmarks packaging

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run_all.py

translations: $(VENV)/.installed-test
	$(BIN)/python packaging/i18n.py update
	$(BIN)/python packaging/i18n.py release

wheel: $(VENV)/.installed-test
	$(BIN)/python -m pip wheel --no-deps -w dist .

clean:
	rm -rf dist build .pytest_cache
