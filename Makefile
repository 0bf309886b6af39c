# Every command a person runs. `make help` lists them.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
APT_PACKAGES := libreoffice-writer-nogui python3-uno poppler-utils fonts-liberation2 fonts-dejavu-core fonts-crosextra-carlito

# $(call pipeline,ARGS): run `python -m pipeline ARGS`; on failure say what the exit code means
# (pipeline/errors.py: EXIT_CODES, the README's table) and fail with that same code.
define pipeline
	@$(PY) -m pipeline $(1) || { code=$$?; $(PY) -m pipeline.errors $$code; exit $$code; }
endef

HERE := $(dir $(abspath $(firstword $(MAKEFILE_LIST))))
COMPILED := $(HERE)pipeline/__pycache__/.compiled

.DEFAULT_GOAL := all
.PHONY: all help setup system venv venv-dev lock build check woo verify validate bench lo-stop lint test test-fast templates clean nieuw watch schemas review

all: build ## set everything up and build every dossier in content/ (signing documents)

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12

setup: system venv ## install system packages (when root) and the Python environment

system: ## LibreOffice, poppler and fonts through apt-get when missing
	@if command -v soffice >/dev/null && command -v pdftotext >/dev/null && fc-list | grep -q "Liberation Sans" \
	    && { /usr/bin/python3 -c "import uno" 2>/dev/null || [ "$$(id -u)" != 0 ]; }; then \
	  true; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing $(APT_PACKAGES)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(APT_PACKAGES); \
	else \
	  echo "LibreOffice, poppler or fonts are missing. Install them with:"; \
	  echo "  sudo apt-get install -y --no-install-recommends $(APT_PACKAGES)"; exit 1; \
	fi

venv: $(VENV)/.installed $(COMPILED) ## the .venv with the runtime packages (requirements.lock, hash-checked)

# Our own modules as bytecode, as pip does for an installed package: where PYTHONDONTWRITEBYTECODE
# is set, every `python -m pipeline` would otherwise compile its ~120 modules again (0.1-0.15 s CPU
# of each start, measured on 2 shared cores). Redone when a source file is newer than the stamp;
# a stale .pyc is never used (Python checks each source's time and size). Then the detector is imported
# once, which keeps its patterns' compiled code for the next processes (redaction/patterncache.py: 0.2 s
# of each `check` and `woo`).
$(COMPILED): $(shell find $(HERE)pipeline $(HERE)redaction -name '*.py' 2>/dev/null)
	@$(PY) -m compileall -q -j 0 $(HERE)pipeline $(HERE)redaction >/dev/null
	@cd $(HERE). && $(PY) -c "from redaction.matchers.unregistered import scan"
	@touch $@

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --require-hashes -r requirements.lock
	touch $@

venv-dev: $(VENV)/.installed-dev ## plus the test and lint tools (requirements-dev.lock, hash-checked)

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.lock
	$(PY) -m pip install -q --require-hashes -r requirements.lock -r requirements-dev.lock
	touch $@

LOCK_TOOLS := .venv-lock
lock: ## after editing requirements.in or requirements-dev.in: lock both again, with hashes (pip-compile)
	@test -x $(LOCK_TOOLS)/bin/pip-compile || { $(PYTHON) -m venv $(LOCK_TOOLS) && $(LOCK_TOOLS)/bin/pip install -q pip-tools; }
	PIP_CONFIG_FILE=/dev/null $(LOCK_TOOLS)/bin/pip-compile -q --generate-hashes --allow-unsafe --strip-extras \
	    --no-header -o requirements.lock requirements.in
	PIP_CONFIG_FILE=/dev/null $(LOCK_TOOLS)/bin/pip-compile -q --generate-hashes --allow-unsafe --strip-extras \
	    --no-header -o requirements-dev.lock requirements-dev.in

# DOSSIER=x limits build, check, woo and watch to one dossier (several: DOSSIER="x y"); ARGS= passes other options.
DOSSIER ?=

build: setup ## build signing documents: build/<dossier>/{nota,kamerbrief,rapportage}.{docx,pdf}, parafeerbundel.pdf (DOSSIER=x: one)
	$(call pipeline,build $(DOSSIER) $(ARGS))

check: venv ## validate the content only, write nothing
	$(call pipeline,check $(DOSSIER) $(ARGS))

woo: setup ## build the public Woo version and the lakvoorstel: build/<dossier>/woo/, build/<dossier>/lakvoorstel/
	$(call pipeline,woo $(DOSSIER) $(ARGS))

nieuw: venv ## start a new dossier: make nieuw DOSSIER=motie-12-bzk writes content/motie-12-bzk/ with a comment on every field
	@test -n "$(DOSSIER)" || { echo "geef de naam: make nieuw DOSSIER=motie-12-bzk"; exit 2; }
	$(call pipeline,nieuw $(DOSSIER))

watch: setup ## rebuild the signing documents on every save of a content file (DOSSIER=x: only that one); Ctrl-C stops
	$(call pipeline,watch $(DOSSIER) $(ARGS))

review: setup ## open the Woo review in the browser (127.0.0.1 only): decide, see and publish without editing YAML
	$(PY) -m pipeline review

verify: venv ## rebuild into a temporary folder and compare every output with build/<dossier>/manifest.json
	$(call pipeline,verify $(ARGS))

validate: venv-dev ## accessibility checks (PDF/UA-1) of the PDFs in build/; with veraPDF (ua1, 2b) when verapdf is on PATH
	$(PY) -m pipeline.checks.accessibility build

N ?= 50
REPEAT ?= 3
SIZES ?= 10,50,200,500
WOO_MAX ?= 500
bench: setup venv-dev ## speed against LibreOffice in the same run (N=50 dossiers, median of REPEAT=3; bench/results.json), then the scale curve over SIZES=10,50,200,500 (bench/scale.json)
	$(PY) bench/run.py --dossiers $(N) --repeat $(REPEAT)
	$(PY) bench/scale.py --sizes $(SIZES) --woo-max $(WOO_MAX)

lo-stop: venv ## stop the warm LibreOffice (it also stops itself after 15 idle minutes)
	$(call pipeline,lo stop)

lint: venv-dev ## ruff, mypy and the import contracts (import-linter); make test runs it too
	$(VENV)/bin/ruff check pipeline redaction tests bench templates tools
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

test: setup venv-dev lint ## lint, then every test (real LibreOffice included)
	$(PY) -m pytest -q

test-fast: venv-dev ## the tests that need no LibreOffice (under 30 s)
	$(PY) -m pytest -q -m "not soffice" -n auto

schemas: venv ## regenerate schemas/*.schema.json (for editors) from the loader's field table, pipeline/content/fields.py
	$(PY) -m pipeline.kinds.schemas schemas

FONT ?= Liberation Sans
templates: venv ## regenerate templates/*.docx from templates/generate.py (FONT="Family", must be installed; never overwrites a hand-edited DOCX)
	$(PY) templates/generate.py --font "$(FONT)"

clean: ## remove build output
	rm -rf build
