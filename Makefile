# Everyday commands. `make` alone lists them.
.DEFAULT_GOAL := help
PYTHON := .venv/bin/python
PIP_COMPILE := .venv/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links

.PHONY: help serve test test-fast lint format migrations-check lock pre-commit bench

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

serve: ## Run the site with demo content at http://127.0.0.1:8000 (scripts/serve.sh)
	./scripts/serve.sh

test: ## Lint, migrations check and the whole test suite (scripts/test.sh; ARGS="-k x" for pytest)
	./scripts/test.sh $(ARGS)

test-fast: ## The test suite alone on two processes, no set-up or lint
	$(PYTHON) -m pytest -q -n 2 $(ARGS)

lint: ## ruff check and format check, djLint, the import contracts
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/djlint --check campaign home
	.venv/bin/djlint --lint campaign home
	.venv/bin/lint-imports

format: ## Format Python with ruff and fix what ruff can fix
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

migrations-check: ## Fail when a model change has no migration
	DJANGO_SETTINGS_MODULE=campaign.settings.test $(PYTHON) manage.py makemigrations --check --dry-run

lock: ## Regenerate requirements.lock, requirements-dev.lock and requirements-uv.lock (with hashes)
	$(PIP_COMPILE) --output-file requirements.lock requirements.txt
	$(PIP_COMPILE) --constraint requirements.lock --output-file requirements-dev.lock requirements-dev.txt
	$(PIP_COMPILE) --output-file requirements-uv.lock requirements-uv.txt

pre-commit: ## Run every pre-commit hook on every file
	.venv/bin/pre-commit run --all-files

bench: ## The load benchmark (see bench/README.md)
	$(PYTHON) bench/run.py
