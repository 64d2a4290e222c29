# Wijkleren: the two commands are `make start` and `make test` (see README.md).
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings

.PHONY: start test install test-deps boek notebooks lint clean

start: install boek notebooks
	$(BIN)/python -m wijkleren.starten

install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	mkdir -p $(LAB_SETTINGS)
	printf '%s\n' '{"@jupyterlab/translation-extension:plugin": {"locale": "nl_NL"}}' > $(LAB_SETTINGS)/overrides.json
	touch $(STAMP)

# Strict build: every warning fails; execution is cached.
boek: install
	$(BIN)/jupyter-book build . -W -n --keep-going

notebooks: install
	$(BIN)/jupytext --quiet --to ipynb notebooks/*.md

# What the tests need besides pip: Debian chromium and hunspell-nl, axe-core from npm.
test-deps: install
	@missing=""; command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v hunspell >/dev/null || missing="$$missing hunspell"; \
	test -f /usr/share/hunspell/nl_NL.dic || missing="$$missing hunspell-nl"; \
	if [ -n "$$missing" ]; then \
	  echo "Installeren:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	test -d node_modules/axe-core || npm ci --no-audit --no-fund --silent

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: test-deps lint
	$(BIN)/python -m pytest -n 2 --dist loadgroup

clean:
	rm -rf _build book/_figuren notebooks/*.ipynb
