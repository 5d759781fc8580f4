# Two entry points: `make run` starts the bot, `make test` runs every test.
# Both create the virtual environment and install the project into it on first use.
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run test lint bench spec

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

run: $(VENV)/.installed
	$(PY) bot.py $(ARGS)

test: $(VENV)/.installed
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy followup handlers content bot.py
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -n 3

lint: $(VENV)/.installed
	$(PY) -m ruff check .
	$(PY) -m mypy followup handlers content bot.py
	$(VENV)/bin/lint-imports

bench: $(VENV)/.installed
	$(PY) bench/run.py

# Take a newer Bot API reference for the fake server from ../shared/spec (or SPEC=folder).
spec: $(VENV)/.installed
	$(PY) tests/data/refresh_spec.py $(SPEC)
