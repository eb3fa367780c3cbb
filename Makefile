# The two commands of the README: `make audit` (the main job) and `make test` (every test).
# Both set up everything they need on a fresh Debian machine through scripts/bootstrap, each only
# what it needs (`scripts/bootstrap --for audit|test|bench|docs`).
BUILD      ?= build
PYTHON     := /usr/bin/python3
JOBS       ?= 2
CMAKE_ARGS ?=
# The library one translation unit per directory of src/ (CMakeLists.txt): a clean build takes
# about two thirds of the CPU time, which is what the two commands pay on a fresh machine.
UNITY      := -DCMAKE_UNITY_BUILD=ON
# The tests' reports of their own durations (JUnit XML), read by scripts/test-durations.
DURATIONS  := $(CURDIR)/$(BUILD)/durations

.PHONY: all bootstrap configure build test test-cpp test-python test-install typecheck audit screenshots notebooks bench fuzz fuzz-campaign sanitize tsan check-errors test-durations draft-campaign clean

all: build

bootstrap:
	@scripts/bootstrap --for test

# The test build: the library, the command line, the Python extension and the C++ tests. Without
# link-time optimisation (bindings/CMakeLists.txt): it would compile the extension twice over
# for no test's benefit.
configure: bootstrap
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DPython_EXECUTABLE=$(PYTHON) \
	  -DANSLAG_TEST=ON -DANSLAG_PYTHON=ON -DANSLAG_CLI=ON $(UNITY) $(CMAKE_ARGS)

build: configure
	cmake --build $(BUILD) -j $(JOBS)

test-cpp: build
	@mkdir -p $(DURATIONS)
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS) --output-junit $(DURATIONS)/ctest.xml

# pytest in $(JOBS) processes (pytest-xdist); a test over its time budget fails with the figure
# (tests/python/conftest.py).
test-python: build
	@mkdir -p $(DURATIONS)
	cd tests/python && PYTHONPATH=$(CURDIR)/$(BUILD)/python ANSLAG_CLI=$(CURDIR)/$(BUILD)/anslag \
	  $(PYTHON) -m pytest -q -p no:cacheprovider -n $(JOBS) --junitxml=$(DURATIONS)/pytest.xml

# The offline pip install into a fresh virtual environment, used from outside the tree.
test-install: bootstrap
	@mkdir -p $(DURATIONS)
	cd tests/install && CMAKE_BUILD_PARALLEL_LEVEL=$(JOBS) $(PYTHON) -m pytest -q -p no:cacheprovider \
	  --junitxml=$(DURATIONS)/install.xml

typecheck: bootstrap
	$(PYTHON) -m mypy

# Every error message of the library is raised by a C++ and a Python test.
check-errors:
	scripts/check-error-coverage

test: test-cpp test-python typecheck check-errors sanitize tsan test-install
	@$(MAKE) --no-print-directory test-durations

# The slowest twenty tests of the last `make test` (docs/testing.md).
test-durations:
	@$(PYTHON) scripts/test-durations $(DURATIONS)/*.xml

# 5 000 synthetic decision documents of the whole layout space drafted back and compared cell by
# cell; the figures go to the campaign section of docs/draft-agreement.md (a few minutes on 2 cores).
draft-campaign: build
	PYTHONPATH=$(CURDIR)/$(BUILD)/python $(PYTHON) scripts/draft-agreement --campaign 5000

# The library and the command line alone, for the main job and the screenshots: a build directory
# that `make test` configured is used as it is.
define build_cli
@[ -f $(BUILD)/build.ninja ] || cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DANSLAG_TEST=OFF -DANSLAG_PYTHON=OFF -DANSLAG_CLI=ON $(UNITY) $(CMAKE_ARGS)
@cmake --build $(BUILD) -j $(JOBS) --target anslag_cli
endef

# The main job: audit every bundled round, print the reports, and regenerate the documents made
# from them (docs/audits/YEAR.md and .html, docs/rules.md). It installs and builds only what that
# needs: the library and the command line (a build directory that `make test` configured is
# reused as it is). Exit 1 from `anslag audit` means the report has an error finding, which is
# the audit's answer, not a failure of the job.
audit:
	@scripts/bootstrap --for audit
	$(build_cli)
	@for year in $$(ls data/rounds | sed -n 's/^\([0-9]\{4\}\)\.toml$$/\1/p'); do \
	  $(BUILD)/anslag audit $$year; status=$$?; [ $$status -le 1 ] || exit $$status; echo; \
	done
	@$(PYTHON) scripts/generate-docs $(BUILD)/anslag

# The screenshots of the audit pages (docs/audits/YEAR.png), in headless Chromium.
screenshots:
	@scripts/bootstrap --for docs
	$(build_cli)
	@$(PYTHON) scripts/generate-docs --screenshots $(BUILD)/anslag

# Rewrites docs/notebooks/*.ipynb from scripts/build-notebooks and executes them, saving outputs.
notebooks: build
	PYTHONPATH=$(CURDIR)/$(BUILD)/python $(PYTHON) scripts/build-notebooks

bench:
	@scripts/bootstrap --for bench
	cmake -S . -B $(BUILD)-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DANSLAG_BENCH=ON -DANSLAG_PYTHON=ON \
	  -DANSLAG_TEST=OFF -DPython_EXECUTABLE=$(PYTHON)
	cmake --build $(BUILD)-bench -j $(JOBS)
	scripts/run-benchmarks $(BUILD)-bench

# The C++ tests under AddressSanitizer and UndefinedBehaviorSanitizer; any report fails the run.
# Left out: the consumer test (it installs and builds an outside project, which would need the
# sanitizer runtimes linked in too, and tests packaging, not memory safety), and the tests that
# only run the compiler (compile_fail, headers, cxx17: nothing of theirs executes under the
# sanitizers, and test-cpp runs them). -O1 -g1: line numbers in every report, at about half the
# compile time of -O2 -g.
SANITIZER_OPTIONS := ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1:detect_leaks=1:strict_string_checks=1 \
                     UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
sanitize: bootstrap
	@mkdir -p $(DURATIONS)
	cmake -S . -B $(BUILD)-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
	  -DANSLAG_SANITIZE=address,undefined -DANSLAG_PYTHON=OFF -DANSLAG_CLI=ON $(UNITY)
	cmake --build $(BUILD)-asan -j $(JOBS)
	$(SANITIZER_OPTIONS) ctest --test-dir $(BUILD)-asan --output-on-failure -j $(JOBS) \
	  -E '^(consumer|compile_fail|headers|cxx17)\.' --output-junit $(DURATIONS)/asan.xml

# ThreadSanitizer over the library and the one test that shares a round between threads
# (tests/cpp/test_concurrency.cpp): any race report fails the run. Only that executable is built.
tsan: bootstrap
	cmake -S . -B $(BUILD)-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DANSLAG_SANITIZE=thread \
	  -DANSLAG_PYTHON=OFF -DANSLAG_CLI=OFF -DANSLAG_INSTALL=OFF $(UNITY) $(CMAKE_ARGS)
	cmake --build $(BUILD)-tsan -j $(JOBS) --target test_concurrency
	TSAN_OPTIONS=halt_on_error=1:abort_on_error=1:second_deadlock_stack=1 $(BUILD)-tsan/tests/test_concurrency

# libFuzzer targets (clang) under the same sanitizers, each run FUZZ_SECONDS.
FUZZ_SECONDS ?= 60
fuzz: bootstrap
	cmake -S . -B $(BUILD)-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DANSLAG_FUZZ=ON -DANSLAG_SANITIZE=address,undefined -DANSLAG_TEST=OFF -DANSLAG_PYTHON=OFF \
	  -DANSLAG_CLI=OFF -DANSLAG_INSTALL=OFF
	cmake --build $(BUILD)-fuzz -j $(JOBS)
	scripts/run-fuzzers $(BUILD)-fuzz $(FUZZ_SECONDS)

# The structured fuzzer's long campaign: no AddressSanitizer (UBSan only), toml++ and libstdc++
# not instrumented for coverage, FUZZ_RUNS executions or FUZZ_CAMPAIGN_SECONDS, niced
# (docs/reliability.md).
FUZZ_RUNS ?= 10000000
FUZZ_CAMPAIGN_SECONDS ?= 86400
fuzz-campaign: bootstrap
	cmake -S . -B $(BUILD)-fuzz-campaign -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DANSLAG_FUZZ=ON -DANSLAG_SANITIZE=undefined -DANSLAG_FUZZ_THIRD_PARTY_COVERAGE=OFF -DANSLAG_TEST=OFF \
	  -DANSLAG_PYTHON=OFF -DANSLAG_CLI=OFF -DANSLAG_INSTALL=OFF
	cmake --build $(BUILD)-fuzz-campaign -j $(JOBS) --target fuzz_structured_round
	FUZZ_FLAGS="-runs=$(FUZZ_RUNS) -entropic=0" nice -n 10 scripts/run-fuzzers $(BUILD)-fuzz-campaign \
	  $(FUZZ_CAMPAIGN_SECONDS) fuzz_structured_round

clean:
	rm -rf $(BUILD) $(BUILD)-bench $(BUILD)-asan $(BUILD)-tsan $(BUILD)-fuzz $(BUILD)-fuzz-campaign
