# Two entry points for a fresh machine (see README):
#   make demo  — set up, process the bundled sample articles into kibaru.duckdb, print them
#   make test  — set up with test extras, run the test suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup setup-test demo test clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

setup: $(BIN)/python
	$(BIN)/pip install --quiet -e .

setup-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'

demo: setup
	$(BIN)/kibaru run --sample --db kibaru.duckdb
	$(BIN)/kibaru events --db kibaru.duckdb --limit 40
	$(BIN)/kibaru stories --db kibaru.duckdb

test: setup-test
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) kibaru.duckdb build *.egg-info src/*.egg-info
