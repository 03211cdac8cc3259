# CityNet CMS. `make help` lists the targets.
VENV ?= .venv
PYTHON ?= python3.11
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# `make cluster PORT=8180` moves Varnish off 8080.
CLUSTER_PORT ?= $(if $(filter command line environment,$(origin PORT)),$(PORT),8080)
PYTEST_ARGS ?=

.PHONY: help run test install install-test system-packages varnish demo lint format openapi client messages check benchmark clean cluster screenshots

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[demo]"
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(VENV)/.installed $@

install: $(VENV)/.installed ## Install the site and its demo content in a local virtual environment

install-test: $(VENV)/.installed-test ## Install the site with its test and dev tools

demo: install ## Migrate the SQLite database and load the demo content and accounts, at HOST:PORT
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo --address $(HOST):$(PORT)

# The demo site's links follow HOST and PORT (load_demo --address); so do the admin links in
# emails, which have no request to take the address from.
run: demo ## Serve the site with demo content at http://HOST:PORT/ (127.0.0.1:8000; PORT=8001 moves it), and the task worker
	export WAGTAILADMIN_BASE_URL=http://$(HOST):$(PORT); \
	$(BIN)/python manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The fault, browser and CDN tests start real servers, the catalogue tests run xgettext and the
# TypeScript client's test runs node: Debian's packages, never downloads of their own.
system-packages: ## Install the Debian packages the tests use (Chromium, Redis, PostgreSQL, gettext) if missing
	@missing=""; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v xgettext >/dev/null || missing="$$missing gettext"; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" -ne 0 ]; then \
			echo "The tests need Debian packages. Run: sudo apt-get update && sudo apt-get install -y$$missing" >&2; \
			exit 1; \
		fi; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

# The TypeScript client's packages, from the npm registry as its package-lock.json pins them.
CLIENT := clients/typescript
$(CLIENT)/node_modules/.package-lock.json: $(CLIENT)/package-lock.json
	npm ci --prefix $(CLIENT) --no-audit --no-fund --silent

# pytest keeps its rewritten test modules as bytecode: where the environment sets
# PYTHONDONTWRITEBYTECODE, each worker collected the suite again from source (48 s instead of 6 on
# two busy cores), on every run. `--dist loadgroup`: the tests sharing a live site run on one
# worker, which starts it once (tests/live/scheduling.py, decision 0320). One worker more than
# cores: the live-site tests spend a third of their time waiting on browsers, servers and
# timers, not computing (decision 0340).
TEST_WORKERS ?= $(shell expr $$(nproc) + 1)
test: install-test system-packages varnish $(CLIENT)/node_modules/.package-lock.json ## Run the whole test suite (SQLite unless DATABASE_URL says otherwise)
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

# The cluster test puts Varnish with xkey in front of the app servers (Debian packages).
varnish:
	@if ! command -v varnishd >/dev/null && [ ! -x /usr/sbin/varnishd ] \
		|| [ -z "$$(ls /usr/lib/*/varnish/vmods/libvmod_xkey.so 2>/dev/null)" ]; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			varnish varnish-modules >/dev/null) \
		|| echo "varnish could not be installed: the cluster test will be skipped"; \
	fi

cluster: install ## Varnish on 127.0.0.1:$(CLUSTER_PORT) before two app servers, PostgreSQL, Redis, a worker
	HOST=$(HOST) PORT=$(CLUSTER_PORT) BIN=$(abspath $(BIN)) deploy/cluster.sh

# Screenshots need Chinese, Japanese and Korean glyphs as well as the browser (Debian's packages).
screenshots: install-test ## Capture the demo site into docs/screenshots/ (5 pages, 3 languages, desktop and 390 px)
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	fc-list :lang=ko 2>/dev/null | grep -q . || missing="$$missing fonts-noto-cjk"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" -ne 0 ]; then \
			echo "Screenshots need Debian packages. Run: sudo apt-get update && sudo apt-get install -y$$missing" >&2; \
			exit 1; \
		fi; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	$(BIN)/python docs/screenshots/take.py

lint: install-test ## Check style with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: lint ## The CI gates besides the tests: ruff, and no model change without its migration
	$(BIN)/python manage.py makemigrations --check --dry-run

messages: install-test ## Add new interface strings to every language's catalogue (then translate) and compile
	$(BIN)/python manage.py update_catalogues

openapi: install-test ## Rewrite the committed OpenAPI snapshot after a deliberate API change, and the client
	$(BIN)/python manage.py openapi > docs/openapi-v2.json
	$(MAKE) --no-print-directory client

client: $(CLIENT)/node_modules/.package-lock.json ## Regenerate the TypeScript client's types from docs/openapi-v2.json
	npm run --prefix $(CLIENT) --silent generate

format: install-test ## Format and sort imports with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean: ## Remove the virtual environment, the SQLite database and uploaded media
	rm -rf $(VENV) db.sqlite3 media static

# `make benchmark QUICK=1`: fewer requests, 20 s per mixed row. DATABASES="sqlite" ARTICLES="1000"
# narrow it; docs/api.md#benchmark says how to read it.
DATABASES ?= sqlite postgres
ARTICLES ?= 1000 10000
MIXED_ARTICLES ?= 10000
benchmark: install-test varnish ## Benchmark the content API against stock Wagtail (SQLite, PostgreSQL; 1,000 and 10,000 articles), then the mixed workload
	$(BIN)/python -m benchmarks.run --articles $(ARTICLES) --database $(DATABASES) $(if $(QUICK),--quick)
	$(BIN)/python -m benchmarks.mixed --articles $(MIXED_ARTICLES) --database $(DATABASES) $(if $(QUICK),--seconds 20)
