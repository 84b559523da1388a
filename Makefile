# Native Plants: `make run` to use the site locally, `make test` to check it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
TEST_STAMP := $(VENV)/.installed-test-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
# Tests never run with DEBUG and need a key of their own; it protects nothing.
TEST_ENV := DEBUG=0 SECRET_KEY=test-only-not-a-secret

.PHONY: run serve test lint check bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	@# The seed article and the USDA PLANTS flora, once: a later run sees the flora and skips both.
	DEBUG=1 $(BIN)/python manage.py import_usda --if-empty --load alumroot
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

# Production mode on this machine: DEBUG off, hashed compressed static files, gunicorn.
# SECRET_KEY comes from the environment, else from the git-ignored .secret_key file.
SERVE_ENV := DEBUG=0 SECRET_KEY="$${SECRET_KEY:-$$(cat .secret_key)}"

serve: $(STAMP)
	@test -n "$$SECRET_KEY" -o -s .secret_key || $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > .secret_key
	$(SERVE_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	$(SERVE_ENV) $(BIN)/python manage.py migrate --noinput -v0
	$(SERVE_ENV) exec $(BIN)/gunicorn -c nativeplants/gunicorn_conf.py nativeplants.wsgi

# Benchmark (not part of `make test`): prints query counts, timings, throughput and memory.
bench: $(TEST_STAMP)
	$(BIN)/python -m tests.bench $(BENCH_ARGS)

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: $(TEST_STAMP)
	$(TEST_ENV) $(BIN)/python manage.py check --fail-level WARNING
	$(TEST_ENV) $(BIN)/python manage.py makemigrations --check --dry-run

test: lint check
	$(TEST_ENV) $(BIN)/python -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
