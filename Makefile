# Two entry points for a fresh machine (see README):
#   make demo  — set up, process the bundled sample articles into kibaru.duckdb, print them
#   make test  — set up with test extras, run the test suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup setup-test demo serve test clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

setup: $(BIN)/python
	$(BIN)/pip install --quiet -e .

setup-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	@# the browser tests drive Debian's Chromium (no browser download at run time)
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; fi; }

demo: setup
	$(BIN)/kibaru run --sample --db kibaru.duckdb
	$(BIN)/kibaru events --db kibaru.duckdb --limit 40
	$(BIN)/kibaru stories --db kibaru.duckdb
	@echo "Browse it: make serve   (then open http://127.0.0.1:8000)"

serve: setup
	$(BIN)/kibaru serve --db kibaru.duckdb

test: setup-test
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) kibaru.duckdb build *.egg-info src/*.egg-info
