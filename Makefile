# Two commands set everything up: `make serve` and `make test` (README.md says what a machine needs).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help serve build test check note rules urls diff bench shots browser schemas css lock clean
.DEFAULT_GOAL := help

help:
	@echo "make serve   serve the site at http://127.0.0.1:8000 (rebuilds on every edit)"
	@echo "make build   build the site into site/"
	@echo "make test    run the whole test suite"
	@echo "make check   check the data and hand-written pages, without building (make rules lists the rules)"
	@echo "make check BASE=main   also: every page readers see change since BASE has a change note"
	@echo "make note PAGES=\"question:<id> ...\"   start a change note in data/changes/"
	@echo "make urls    add new page addresses to published-addresses.txt"
	@echo "make diff BASE=main   what readers will see change, from BASE to this working tree"
	@echo "make bench   measure build cost, scaling, edit loop, page weight, Lighthouse and the suite"
	@echo "make shots   screenshots of every kind of page, both schemes, phone and desktop (shots/)"
	@echo "make schemas regenerate schemas/*.json after changing a kind in kb/kinds/"
	@echo "make css     re-trim Material's stylesheet (docs/stylesheets/material.css) after changing templates (needs npm)"

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -c 'import os, sysconfig; open(os.path.join(sysconfig.get_path("purelib"), "kb-project.pth"), "w").write(os.getcwd() + "\n")'
	touch $(STAMP)

serve: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m kb.build

check: $(STAMP)
	$(BIN)/python -m kb.check $(if $(BASE),--base $(BASE))

note: $(STAMP)
	@$(BIN)/python -m kb.note $(PAGES)

rules: $(STAMP)
	@$(BIN)/python -m kb.check --rules

urls: $(STAMP)
	$(BIN)/python -m kb.urls

diff: $(STAMP)
	@$(BIN)/python -m kb.diff $(BASE)

schemas: $(STAMP)
	$(BIN)/python -m kb.jsonschemas

# Material's stylesheets trimmed to what the built pages use (styles/trim.mjs, PurgeCSS from npm).
# Only after a change to templates, overrides or Material: `make test` says when it is due.
css: $(STAMP)
	cd styles && npm ci --silent --no-audit --no-fund
	rm -rf .site-css
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m mkdocs build --quiet --strict -d .site-css
	node styles/trim.mjs .site-css "$$($(BIN)/python -c 'import material, pathlib; print(pathlib.Path(material.__file__).parent / "templates" / "assets")')" docs/stylesheets/material.css
	rm -rf .site-css

browser:
	@$(PYTHON) scripts/ensure_browser.py

# Two workers, one per core: the browser passes and the builds share the machine; a worker
# that runs out of tests takes some of the other's (worksteal), so neither waits at the end.
test: $(STAMP) browser
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m pytest -n 2 --dist worksteal

bench: $(STAMP) browser
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m bench --with-tests

shots: $(STAMP) browser
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m bench.shots

lock: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.in
	{ echo "# Exact versions of everything installed (generated from requirements.in by \`make lock\`)."; \
	  $(BIN)/python -m pip freeze --exclude-editable; } > requirements.txt

clean:
	rm -rf site .site-* .cache $(VENV)
