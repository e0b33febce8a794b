# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PORT ?= 8000
MANAGE := $(PY) manage.py

.PHONY: run serve bench test lint format install install-dev migrate demo messages check-messages clean worker \
	cluster cluster-stop cluster-test \
	backup restore

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

migrate: install
	mkdir -p var
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo

## make run: create .venv, install, migrate, load the demo if the database is empty, serve
## (with the background worker for translation imports alongside; both stop together).
run: migrate
	$(MANAGE) setup_local_site
	$(MANAGE) db_worker --backend imports & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

## make serve: the site as production runs it on one machine (gunicorn, production settings,
## WhiteNoise, page cache); PORT, WEB_CONCURRENCY, DATABASE_URL, REDIS_URL as in the README.
serve: install
	scripts/serve.sh

## make bench: throughput of the public pages, cold and warm, against a bare Django floor.
bench: install
	$(PY) scripts/bench.py
## make worker: the background worker alone (translation imports), for a separate terminal.
worker: migrate
	$(MANAGE) db_worker --backend imports

## make test: the whole test suite (set DATABASE_URL to run it on PostgreSQL), in parallel:
## PYTEST_WORKERS processes (pytest-xdist; default auto, one per core; 0 runs it serially).
PYTEST_WORKERS ?= auto
test: install
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

## make lint: Python lint and format check (ruff), template lint and format check (djLint).
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates --lint
	$(VENV)/bin/djlint templates --check

## make format: rewrite Python and templates in the project's style.
format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djlint templates --reformat

## make messages: extract UI strings, fill Vietnamese from locale/compendium, compile .mo files.
messages: install
	$(MANAGE) makemessages -l vi -l en --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=var -v 0
	$(PY) scripts/update_messages.py

## make cluster: PostgreSQL primary + replica, Redis, two app servers and Varnish on loopback
## (ports from CLUSTER_*_PORT variables; see docs/scaling.md); make cluster-stop ends it.
cluster: install
	bash deploy/cluster/cluster.sh start

cluster-stop:
	bash deploy/cluster/cluster.sh stop

## make cluster-test: the test suite that needs the running cluster (tests/cluster/).
cluster-test: install
	CLUSTER_TESTS=required $(PY) -m pytest tests/cluster -p no:cacheprovider $(PYTEST_ARGS)

## make backup: one dated archive (database dump + media) in $(BACKUP_DIR).
BACKUP_DIR ?= var/backups
backup: install
	$(MANAGE) backup --output-dir $(BACKUP_DIR)

## make restore FILE=...: restore an archive into an empty database and MEDIA_ROOT.
restore: install
	@test -n "$(FILE)" || { echo "usage: make restore FILE=var/backups/hanoi-creative-....tar.gz"; exit 2; }
	$(MANAGE) restore "$(FILE)"

clean:
	rm -rf $(VENV) staticfiles
