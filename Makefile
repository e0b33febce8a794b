# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PORT ?= 8000
MANAGE := $(PY) manage.py

.PHONY: run test lint format install install-dev migrate demo messages check-messages clean backup restore

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

## make run: create .venv, install, migrate, load the demo if the database is empty, serve.
run: migrate
	$(MANAGE) setup_local_site
	$(MANAGE) runserver 127.0.0.1:$(PORT)

## make test: the whole test suite (set DATABASE_URL to run it on PostgreSQL).
test: install
	$(PY) -m pytest $(PYTEST_ARGS)

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
