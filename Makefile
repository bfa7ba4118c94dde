# The README's two commands: `make run` and `make test`. Everything they need is installed here.
SHELL := /bin/bash
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && echo $$p && break; done)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
DEV_ENV := DEBUG=1

.PHONY: run test install lint messages check-deploy clean

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is required"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

install: $(VENV)/.installed

run: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py createcachetable
	$(DEV_ENV) $(BIN)/python manage.py load_demo
	@echo "Serving on http://$(HOST):$(PORT)/ (Ctrl-C stops the server, the task worker and the scheduler)"
	@# The worker prints the emails it sends (console backend) in this terminal; the scheduler
	@# runs the periodic jobs (digests, inventory reminders, scheduled publishing).
	@$(DEV_ENV) $(BIN)/python manage.py db_worker --interval 2 --no-reload & worker=$$!; \
	$(DEV_ENV) $(BIN)/python manage.py run_scheduler --interval 30 & scheduler=$$!; \
	trap 'kill $$worker $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(DEV_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=community.test_settings
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format --check . || true

# Regenerate the translation catalogues (each app keeps its own in <app>/locale).
messages: install
	$(DEV_ENV) $(BIN)/python manage.py makemessages -l nl --no-obsolete --add-location=file --ignore=.venv --ignore=portfolios --ignore=courses --ignore=tests --ignore=staticfiles
	@# Without its own locale/ folder makemessages would write into LOCALE_PATHS[0] (community's).
	mkdir -p portfolios/locale courses/locale
	cd portfolios && $(DEV_ENV) ../$(BIN)/python ../manage.py makemessages -l nl --no-obsolete --add-location=file
	cd courses && $(DEV_ENV) ../$(BIN)/python ../manage.py makemessages -l nl --no-obsolete --add-location=file
	@# No creation date in the header: it would change on every run and collide between branches.
	sed -i '/^"POT-Creation-Date:/d' */locale/nl/LC_MESSAGES/django.po
	$(DEV_ENV) $(BIN)/python manage.py compilemessages --ignore=.venv

check-deploy: install
	DEBUG=0 SECRET_KEY=$$(openssl rand -hex 32) ALLOWED_HOSTS=techniekhub.example.org $(BIN)/python manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles
