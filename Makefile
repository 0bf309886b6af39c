# Every command a person runs. `make help` lists them.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
APT_PACKAGES := libreoffice-writer-nogui poppler-utils fonts-liberation2 fonts-dejavu-core fonts-crosextra-carlito

.DEFAULT_GOAL := all
.PHONY: all help setup system venv build check woo test templates clean

all: build ## set everything up and build every dossier in content/ (signing documents)

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12

setup: system venv ## install system packages (when root) and the Python environment

system: ## LibreOffice, poppler and fonts through apt-get when missing
	@if command -v soffice >/dev/null && command -v pdftotext >/dev/null && fc-list | grep -q "Liberation Sans"; then \
	  true; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing $(APT_PACKAGES)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(APT_PACKAGES); \
	else \
	  echo "LibreOffice, poppler or fonts are missing. Install them with:"; \
	  echo "  sudo apt-get install -y --no-install-recommends $(APT_PACKAGES)"; exit 1; \
	fi

venv: $(VENV)/.installed ## the .venv with the pinned Python packages

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.lock
	touch $@

build: setup ## build signing documents: build/<dossier>/{nota,kamerbrief,rapportage}.{docx,pdf}, parafeerbundel.pdf
	$(PY) -m pipeline build

check: venv ## validate the content only, write nothing
	$(PY) -m pipeline check

woo: setup ## build the public Woo version and the lakvoorstel: build/<dossier>/woo/, build/<dossier>/lakvoorstel/
	$(PY) -m pipeline woo

test: setup ## run the tests (real LibreOffice included)
	$(PY) -m pytest -q

templates: venv ## regenerate templates/*.docx from templates/generate.py
	$(PY) templates/generate.py

clean: ## remove build output
	rm -rf build
