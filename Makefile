# Samskapa — two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
# Catalogues are compiled when GNU gettext is present; compiled .mo files are committed too,
# so a machine without gettext still runs in both languages.
COMPILE := if command -v msgfmt >/dev/null; then DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv -v 0; fi
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
export DJANGO_SETTINGS_MODULE := samskapa.settings
# pip without its notices: no "new release of pip" check, no progress bars, no warning about
# running as root (containers), only errors. A failure still prints everything it needs.
PIP := PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore PIP_NO_WARN_SCRIPT_LOCATION=1 PIP_PROGRESS_BAR=off \
	$(PY) -m pip --quiet --quiet --no-input


.PHONY: run test test-unit install migrate demo serve e2e lint fmt typecheck messages check-deploy bench bench-scale clean serve-prod prod-smoke load

$(PY):
	@echo "Creating the virtual environment in $(VENV) …"
	@$(PYTHON) -m venv $(VENV)
	@$(PIP) install --upgrade pip

$(STAMP): $(PY) pyproject.toml
	@echo "Installing Samskapa and its dependencies (a minute or two the first time) …"
	@$(PIP) install -e ".[dev]"
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

install: $(STAMP)

## run: install, migrate, load the demo data if the database is empty, and serve
## http://127.0.0.1:$(PORT) (PORT=8001 make run serves on another port)
PORT ?= 8000
run: export DEBUG := 1
run: install
	@$(COMPILE)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo --if-empty
	@echo ""
	@echo "Samskapa runs at http://127.0.0.1:$(PORT) — log in with a demo account above."
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

## demo: a fresh demo world around today's date (empties the database first)
demo: export DEBUG := 1
demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo --reset

## test: the whole suite. Browser tests run when Chromium is installed, and PDF tests when
## WeasyPrint finds pango; each says so when skipped. With SAMSKAPA_E2E_REQUIRED=1 and
## SAMSKAPA_PDF_REQUIRED=1 (CI) a missing browser or pango fails the run instead.
test: install
	@$(COMPILE)
	$(BIN)/pytest -p no:cacheprovider -n 2 --dist loadfile -m "not e2e" $(PYTEST_ARGS)
	$(BIN)/pytest -p no:cacheprovider -n 2 --dist loadfile -m e2e $(PYTEST_ARGS)

## test-unit: everything but the browser tests (used for the PostgreSQL run in CI, and with
## SAMSKAPA_CLOCK_OFFSET_DAYS=540 for the run with the clock moved ahead)
test-unit: install
	@$(COMPILE)
	$(BIN)/pytest -p no:cacheprovider -n 2 --dist loadfile -m "not e2e" $(PYTEST_ARGS)

## e2e: only the browser tests, failing (not skipping) when Chromium is missing
e2e: install
	@$(COMPILE)
	SAMSKAPA_E2E_REQUIRED=1 $(BIN)/pytest -p no:cacheprovider -n 2 --dist loadfile -m e2e $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## typecheck: mypy with django-stubs; core and accounts strictly (the overrides in pyproject.toml)
typecheck: export DEBUG := 1
typecheck: install
	$(BIN)/mypy samskapa

## messages: update the sv and en catalogues of every app, then compile them
messages: export DEBUG := 1
messages: install
	for app in samskapa/*/; do \
	  if [ -d "$$app/locale" ]; then \
	    (cd $$app && ../../$(PY) ../../manage.py makemessages -l sv -l en --no-obsolete --ignore=starter/* -v 0); \
	  fi; \
	done
	cd samskapa && ../$(PY) ../manage.py makemessages -l sv -l en --no-obsolete -v 0 \
	  --ignore=core/* --ignore=accounts/* --ignore=projects/* --ignore=toolkit/* \
	  --ignore=coalitions/* --ignore=coaching/* --ignore=library/* --ignore=conference/*
	@$(COMPILE)

check-deploy: install
	SECRET_KEY=check-deploy-$$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n') \
	  SAMSKAPA_MFA_KEYS=$$($(PY) -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())') \
	  ALLOWED_HOSTS=samskapa.example.org DEBUG=0 SAMSKAPA_TESTING=0 \
	  $(PY) manage.py check --deploy --fail-level WARNING

## bench: seed a large data set in its own SQLite database and print each key page's
## median server time, its ratio to a trivial view, and its query count; then the same data
## over HTTP: gunicorn with production settings (plain HTTP) on BENCH_HTTP_PORT, loaded by
## wrk on another core, each page's requests per second and share of the floor against its
## target (docs/operating.md, Measuring). BENCH_HTTP_ARGS="--duration 20" for longer runs.
BENCH_HTTP_PORT ?= 8300
bench: export DEBUG := 1
bench: export DATABASE_URL := sqlite:///$(CURDIR)/bench.sqlite3
bench: export SAMSKAPA_API_RATE := 100000/min
bench: install
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py bench $(BENCH_ARGS)
	$(PY) manage.py bench_http --port $(BENCH_HTTP_PORT) $(BENCH_HTTP_ARGS)

## bench-scale: every benchmark page's SQL query count on the bench data and on ten times
## that (each in a database of its own, bench-x1.sqlite3 and bench-x10.sqlite3); fails when a
## count differs. Seeding ten times the data takes about twenty minutes.
bench-scale: export DEBUG := 1
bench-scale: export SAMSKAPA_API_RATE := 100000/min
bench-scale: install
	rm -f bench-x1.sqlite3* bench-x10.sqlite3*
	DATABASE_URL=sqlite:///$(CURDIR)/bench-x1.sqlite3 $(PY) manage.py migrate --noinput -v 0
	DATABASE_URL=sqlite:///$(CURDIR)/bench-x1.sqlite3 $(PY) manage.py bench --repeat 1 \
	  --queries-out var/bench-queries-x1.json
	DATABASE_URL=sqlite:///$(CURDIR)/bench-x10.sqlite3 $(PY) manage.py migrate --noinput -v 0
	DATABASE_URL=sqlite:///$(CURDIR)/bench-x10.sqlite3 $(PY) manage.py bench --scale 10 \
	  --repeat 1 --compare-queries var/bench-queries-x1.json

## serve-prod: the production process set on PostgreSQL, production settings, plain HTTP:
## nginx on http://127.0.0.1:$(PROD_PORT) in front of two gunicorn processes, the task
## worker and the scheduler of the daily jobs (Procfile; docs/operating.md). Creates the
## database if missing, migrates, collects static files. Ctrl-C stops everything. Needs the
## installed environment (make install, or make test before it, as in CI).
PROD_PORT ?= 8080
PROD_WEB1_PORT ?= 8101
PROD_WEB2_PORT ?= 8102
serve-prod: export DEBUG := 0
serve-prod: export SAMSKAPA_TESTING := 0
serve-prod: export DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/samskapa_prod
serve-prod: export SAMSKAPA_RUN_DIR ?= $(CURDIR)/var/prod
serve-prod: export ALLOWED_HOSTS ?= 127.0.0.1,localhost
# Plain HTTP for this local run, said explicitly: on a server TLS is on (docs/operating.md).
serve-prod: export SECURE_SSL_REDIRECT ?= 0
serve-prod: export SECURE_COOKIES ?= 0
serve-prod: export SECURE_HSTS_SECONDS ?= 0
serve-prod: export SAMSKAPA_CLIENT_IP_HEADER ?= HTTP_X_FORWARDED_FOR
serve-prod: export EMAIL_BACKEND ?= django.core.mail.backends.console.EmailBackend
serve-prod: export SAMSKAPA_SITE_URL ?= http://127.0.0.1:$(PROD_PORT)
serve-prod: export SAMSKAPA_WEB_WORKERS ?= 2
serve-prod: export SAMSKAPA_WEB1_PORT := $(PROD_WEB1_PORT)
serve-prod: export SAMSKAPA_WEB2_PORT := $(PROD_WEB2_PORT)
serve-prod: $(PY)
	@$(COMPILE)
	@mkdir -p "$$SAMSKAPA_RUN_DIR/tmp" && chmod 700 "$$SAMSKAPA_RUN_DIR"
	@test -s "$$SAMSKAPA_RUN_DIR/secret-key" || \
	  (umask 077; head -c 48 /dev/urandom | base64 | tr -d '\n' > "$$SAMSKAPA_RUN_DIR/secret-key")
	@test -s "$$SAMSKAPA_RUN_DIR/mfa-keys" || (umask 077; $(PY) -c \
	  'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())' > "$$SAMSKAPA_RUN_DIR/mfa-keys")
	@sed -e 's/@PROXY_PORT@/$(PROD_PORT)/' -e 's/@WEB1_PORT@/$(PROD_WEB1_PORT)/' \
	  -e 's/@WEB2_PORT@/$(PROD_WEB2_PORT)/' deploy/nginx.conf > "$$SAMSKAPA_RUN_DIR/nginx.conf"
	@set -e; \
	  export SECRET_KEY="$${SECRET_KEY:-$$(cat "$$SAMSKAPA_RUN_DIR/secret-key")}"; \
	  export SAMSKAPA_MFA_KEYS="$${SAMSKAPA_MFA_KEYS:-$$(cat "$$SAMSKAPA_RUN_DIR/mfa-keys")}"; \
	  export MEDIA_ROOT="$${MEDIA_ROOT:-$$SAMSKAPA_RUN_DIR/media}"; \
	  export SAMSKAPA_ERASURE_LOG="$${SAMSKAPA_ERASURE_LOG:-$$SAMSKAPA_RUN_DIR/erasure-log.jsonl}"; \
	  $(PY) scripts/ensure_database.py; \
	  $(PY) manage.py migrate --noinput -v 0; \
	  $(PY) manage.py collectstatic --noinput -v 0; \
	  echo "Samskapa (production settings) runs at http://127.0.0.1:$(PROD_PORT); Ctrl-C stops it."; \
	  echo $$$$ > "$$SAMSKAPA_RUN_DIR/procrun.pid"; \
	  exec $(PY) scripts/procrun.py Procfile

## prod-smoke: start serve-prod, check /healthz through nginx and that both web processes
## answer, stop it (scripts/prod_smoke.sh; run in CI)
prod-smoke:
	scripts/prod_smoke.sh

## load: the load proof: the serve-prod process set on PostgreSQL with the bench data set,
## LOAD_USERS (50) locust users for LOAD_SECONDS (60), then requests per second, latencies,
## failures and a capacity check in the database, and a clean stop (scripts/load.sh;
## docs/operating.md, Load proof). A measurement: not part of `make test` or CI.
load:
	scripts/load.sh

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .mypy_cache .ruff_cache
