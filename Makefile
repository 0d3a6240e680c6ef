# Verity — the two commands a newcomer needs: `make demo` and `make test`.
SHELL := /bin/bash
NODE_MODULES := node_modules/.package-lock.json

.PHONY: all install build demo test typecheck lint bench clean

all: build

$(NODE_MODULES): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $(NODE_MODULES)

install: $(NODE_MODULES)

build: install
	npx tsc -p tsconfig.build.json

typecheck: install
	npx tsc -p tsconfig.json --noEmit

lint: install
	npx eslint .

test: install typecheck lint
	node scripts/run-tests.mjs

demo: build
	bash scripts/demo.sh

bench: build
	npm run bench

clean:
	rm -rf dist .verity out bench/results/*.json
