# Dossier: `make site` sets everything up and builds the example; `make test` runs the tests.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site serve test eval bench bench-scale browser clean

$(STAMP): plugins/pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --config-settings editable_mode=compat -e 'plugins[test]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/mkdocs build --strict

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
	rm -rf site .cache
