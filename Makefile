# The two commands of the README, from a clean clone on a fresh machine:
#   make run    set up .venv if missing, install the pinned dependencies and the package, start
#   make test   the same set-up with the test tools, then the whole suite headless
#               (but the tests marked slow: `make test-slow` runs those, as CI does),
#               ruff and mypy included (tests/test_code_checks.py; `make lint` runs them alone)
#   make package  the installable program: dist/spbgui/ (PyInstaller) and a .deb (packaging/)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip install --disable-pip-version-check -c constraints.txt

.PHONY: run test test-slow lint bench bench-db bench-more translations wheel package package-folder clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# A stamp per set-up, remade when the pins or the project's metadata change.
$(VENV)/.installed-run: $(BIN)/python pyproject.toml constraints.txt
	$(PIP) -e .
	touch $@

$(VENV)/.installed-test: $(BIN)/python pyproject.toml constraints.txt
	$(PIP) -e '.[test]'
	touch $@ $(VENV)/.installed-run

$(VENV)/.installed-package: $(BIN)/python pyproject.toml constraints.txt
	$(PIP) -e '.[package]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/spbgui $(ARGS)

test: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

# The slow tests (tests/test_packaging.py builds the PyInstaller folder and the .deb).
test-slow: $(VENV)/.installed-test $(VENV)/.installed-package
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m slow $(PYTEST_ARGS)

# The same checks run inside `make test` (tests/test_code_checks.py); mypy's
# settings are in pyproject.toml ([tool.mypy]).
lint: $(VENV)/.installed-test
	$(BIN)/ruff check spbgui tests benchmarks packaging db
	$(BIN)/ruff format --check spbgui tests benchmarks packaging
	$(BIN)/mypy

# Speed goals, measured and printed side by side (never timed tests): issue 17's
# import, start-up and window figures (benchmarks/bench.py; the README's come from it).
# The window's figures need a database of 10,000 partners / 500,000 events: `make bench-db`
# makes it once (some minutes; `make bench` asks for it) into $(BENCH_CACHE) and reuses it.
BENCH_CACHE ?= /tmp/spbgui-bench
BENCH_DB    := $(BENCH_CACHE)/big-10000p-500000e.sqlite

bench: $(VENV)/.installed-test | $(BENCH_DB)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/bench.py --cache $(BENCH_CACHE)

bench-db: $(BENCH_DB)

$(BENCH_DB): | $(VENV)/.installed-test
	mkdir -p $(BENCH_CACHE)
	rm -f $@.part*
	$(BIN)/python benchmarks/make_big_db.py $@.part && mv $@.part $@

# The finer benchmarks: the import's parts and the least time they allow (issue 17),
# the reader and the export against openpyxl.
bench-more: $(VENV)/.installed-test
	$(BIN)/python benchmarks/bench_import_parts.py --cache $(BENCH_CACHE)
	$(BIN)/python benchmarks/bench_import.py
	$(BIN)/python benchmarks/bench_import_read.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/bench_export.py --events 500000

translations: $(VENV)/.installed-test
	$(BIN)/python packaging/i18n.py update
	$(BIN)/python packaging/i18n.py release

wheel: $(VENV)/.installed-test
	$(BIN)/python -m pip wheel --no-deps -w dist .

# Not part of `make test`. Linux: dist/spbgui/ and dist/spbgui_<version>_<arch>.deb;
# package-folder stops after dist/spbgui/ (Windows: see packaging/README.md).
package: $(VENV)/.installed-package
	$(BIN)/python packaging/build.py all

package-folder: $(VENV)/.installed-package
	$(BIN)/python packaging/build.py folder

clean:
	rm -rf dist build .pytest_cache
