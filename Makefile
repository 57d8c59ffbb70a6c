# nexus-kg: `make build` builds the graph from seeds/, `make test` runs lint, types and the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: all build test lint bench clean

all: test

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/nexus-kg build seeds --out out

test: $(STAMP)
	$(BIN)/ruff check graph tests benchmarks
	$(BIN)/ruff format --check graph tests benchmarks
	$(BIN)/mypy --strict graph
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check graph tests benchmarks
	$(BIN)/ruff format --check graph tests benchmarks
	$(BIN)/mypy --strict graph

# the benchmarks' quick modes: build throughput (1x, 10x seeds) and queries on 100k triples
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_build.py --quick
	$(BIN)/python benchmarks/bench_queries.py --quick

clean:
	rm -rf out .pytest_cache
