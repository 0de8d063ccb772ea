# One entry point for every chore. Each target creates .venv and installs the
# project into it when pyproject.toml is newer than the last install.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench clean package measure-package

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

run: $(STAMP)  ## start EventDesk on its default database
	$(BIN)/eventdesk

test: $(STAMP)  ## run every test, GUI tests included, without a screen
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks packaging
	$(BIN)/ruff format --check src tests benchmarks packaging
	$(BIN)/lint-imports --no-logo --no-cache

format: $(STAMP)
	$(BIN)/ruff format src tests benchmarks packaging
	$(BIN)/ruff check --fix src tests benchmarks packaging

bench: $(STAMP)  ## docs/targets.md's targets on a generated full-size database; BENCH_ARGS="--photo-share 0.05" on a smaller disk
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py $(BENCH_ARGS)

package: $(STAMP)  ## build the standalone program into dist/EventDesk/ and self-test it; TEAM_DB=postgresql://... self-tests a team database too
	$(BIN)/pyinstaller --noconfirm --clean packaging/eventdesk.spec --distpath dist --workpath build
	QT_QPA_PLATFORM=offscreen dist/EventDesk/EventDesk $(if $(TEAM_DB),--db '$(TEAM_DB)') --self-test

measure-package: $(STAMP)  ## sizes and start times of the built program beside a bare PySide6 window
	$(BIN)/python packaging/measure.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
