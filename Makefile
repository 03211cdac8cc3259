# CityNet CMS. `make help` lists the targets.
VENV ?= .venv
PYTHON ?= python3.11
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: help run test install install-test system-packages demo lint format benchmark clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(VENV)/.installed $@

install: $(VENV)/.installed ## Install the site in a local virtual environment

install-test: $(VENV)/.installed-test ## Install the site with its test and dev tools

demo: install ## Migrate the SQLite database and load the demo content and accounts
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo

run: demo ## Serve the site with demo content at http://127.0.0.1:8000/, and the task worker
	$(BIN)/python manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

system-packages: ## Install what the fault and browser tests start (Debian packages), if missing
	@missing=""; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

test: install-test system-packages ## Run the whole test suite (SQLite unless DATABASE_URL says otherwise)
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

lint: install-test ## Check style with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test ## Format and sort imports with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean: ## Remove the virtual environment, the SQLite database and uploaded media
	rm -rf $(VENV) db.sqlite3 media static

benchmark: install-test ## Benchmark the content API against stock Wagtail (1,000 and 10,000 articles)
	$(BIN)/python -m benchmarks.run --articles 1000 10000
