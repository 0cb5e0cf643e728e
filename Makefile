# Dossier: `make site` sets everything up and builds the example; `make test` runs the tests.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site offline zensical serve test eval bench bench-scale browser clean

$(STAMP): plugins/pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --config-settings editable_mode=compat -e 'plugins[test]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/mkdocs build --strict

# A copy of the dossier that opens from disk (file://, no server), with search: to hand over as a folder or zip.
offline: $(STAMP)
	DOSSIER_OFFLINE=true $(BIN)/mkdocs build --strict --site-dir site-offline
	rm -f dossier-offline.zip && $(BIN)/python -m zipfile -c dossier-offline.zip site-offline/

# The same dossier built by Zensical (no plugins): the pages generated first into .dossier/docs.
zensical: $(STAMP)
	$(BIN)/dossier generate --strict
	$(BIN)/zensical build -f zensical.yml

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Browser tests need Debian's chromium; install it when we can (root, apt), else those tests skip.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || \
	  echo "chromium not installed: browser tests will be skipped"; }

test: $(STAMP) browser
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/python tests/score_corpus.py

bench: $(STAMP)
	$(BIN)/python bench/rebuild.py

# cold / unchanged / one-article builds in new processes at 100, 400 and 1,600 articles (takes a while)
bench-scale: $(STAMP)
	$(BIN)/python bench/scale.py

clean:
	rm -rf site site-offline dossier-offline.zip .cache .dossier
