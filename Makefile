# Inzet — the two commands are `make run` and `make test`; the rest are helpers.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
ASSETS := build/assets/vendor

.PHONY: run test setup assets migrate demo worker lint format bench load lock messages totp e2e unit audit audit-if-reachable typecheck

## make run: set everything up, load the demo and serve on http://127.0.0.1:8000
run: setup migrate
	@$(PY) manage.py inzet demo
	@echo ""
	@echo "Inzet runs on http://127.0.0.1:8000  (stop with Ctrl+C)"
	@$(PY) manage.py db_worker >var/worker.log 2>&1 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(PY) manage.py runserver 127.0.0.1:8000

## make test: the whole suite — lint, migrations check, unit, view and browser tests
test: setup
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .
	@$(PY) manage.py makemigrations --check --dry-run >/dev/null || { echo "Model changes without migrations: run manage.py makemigrations"; exit 1; }
	@$(PY) manage.py check
	@$(MAKE) --no-print-directory audit-if-reachable
	@INZET_ENV=production INZET_SECRET_KEY=$$(printf 'x%.0s' {1..60})-check INZET_ALLOWED_HOSTS=inzet.example.org \
	  INZET_FIELD_KEYS=$$($(PY) -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())') \
	  $(PY) manage.py check --deploy --fail-level WARNING
	@$(VENV)/bin/mypy
	@$(PY) -m pytest -n 2 --dist loadfile --durations=20 $(PYTEST_ARGS); status=$$?; \
	  echo ""; echo "Screenshots of the main pages per role (390 px; home pages also 1280 px): $(CURDIR)/var/screenshots/"; \
	  exit $$status

setup: $(VENV)/.installed $(ASSETS)/.built var

var:
	@mkdir -p var

$(VENV)/.installed: requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip
	@$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

node_modules/.installed: package.json package-lock.json
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# NL Design System CSS and axe-core, copied from the locked npm packages.
$(ASSETS)/.built: node_modules/.installed
	@mkdir -p $(ASSETS)
	@cp node_modules/@utrecht/design-tokens/dist/theme.css $(ASSETS)/utrecht-theme.css
	@cp node_modules/@utrecht/component-library-css/dist/index.css $(ASSETS)/utrecht-components.css
	@cp node_modules/@utrecht/component-library-css/dist/html.css $(ASSETS)/utrecht-html.css
	@cp node_modules/axe-core/axe.min.js $(ASSETS)/axe.min.js
	@touch $@

assets: $(ASSETS)/.built

migrate: setup
	@$(PY) manage.py migrate --verbosity 0

demo: migrate
	@$(PY) manage.py inzet demo

worker: setup
	$(PY) manage.py db_worker

## make bench: performance figures, written to docs/BENCHMARKS.md (the seed's own time:
## `python -m inzet.demo.bench --only seed`, or printed when the bench seeds an empty SQLite database)
bench: setup migrate
	$(PY) -m inzet.demo.bench

## make load: the whole app under load — gunicorn (2 × cores workers) on PostgreSQL with the
## 100,000-expert dataset, driven by locust from this machine (loopback only), 60 s at 20 and at 50
## users. Needs INZET_DATABASE_URL=postgres://…; seeds only a database without the dataset.
## Writes its tables to docs/BENCHMARKS.md. Not part of `make test`.
load: setup
	$(PY) -m inzet.loadtest.run $(LOAD_ARGS)

## make audit: known vulnerabilities in the locked requirements (PyPI's advisory data via pip-audit).
# --strict: a package that could not be checked fails the audit too; an audit that did not run
# must never look like a clean one. Only where pypi.org's per-release JSON cannot be reached (an
# offline sandbox) may someone run `make test PIP_AUDIT_STRICT=` on purpose.
PIP_AUDIT_STRICT ?= --strict
# make test runs the audit wherever the advisory data can be reached, and says loudly when it cannot
# (this project's sandbox reaches only the package index, not pypi.org's JSON API).
audit-if-reachable: setup
	@if $(PY) -c "import urllib.request; urllib.request.urlopen('https://pypi.org/pypi/django/5.2/json', timeout=15)" 2>/dev/null; then \
	  $(MAKE) --no-print-directory audit; \
	else \
	  echo "pip-audit NOT RUN: pypi.org's advisory data (https://pypi.org/pypi/NAME/json) cannot be reached from this machine; run 'make audit' where it can."; \
	fi

audit: setup
	@$(VENV)/bin/pip-audit --requirement requirements.txt --no-deps --disable-pip $(PIP_AUDIT_STRICT) --progress-spinner off \
	  || { echo "pip-audit failed: upgrade the package named above (re-lock that line), or fix network access to pypi.org"; exit 1; }

## make typecheck: mypy (django-stubs) on the modules named in pyproject [tool.mypy]
typecheck: setup
	$(VENV)/bin/mypy

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format:
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

unit: setup
	$(PY) -m pytest -n 2 --dist loadfile -m "not e2e" $(PYTEST_ARGS)

e2e: setup
	$(PY) -m pytest -m e2e $(PYTEST_ARGS)

## make lock: re-resolve requirements.txt from requirements*.in
lock:
	@rm -rf /tmp/inzet-lock && $(PYTHON) -m venv /tmp/inzet-lock
	@/tmp/inzet-lock/bin/pip install --quiet -r requirements.in -r requirements-dev.in
	@{ echo "# Locked versions of every Python package (runtime and development)."; \
	   echo "# Edit requirements.in / requirements-dev.in, then: make lock"; \
	   /tmp/inzet-lock/bin/pip freeze --exclude-editable; } > requirements.txt

## make messages: update and compile the English translation
messages: setup
	$(PY) manage.py makemessages -l en --no-obsolete --no-location
	$(PY) manage.py compilemessages -l en

## make totp: the current two-step code of the demo coordinator coordinator2@example.org
totp: setup
	@$(PY) manage.py inzet totp
