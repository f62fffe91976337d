# One-command set-up: every target creates .venv and installs the project first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install run test bench lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	bash scripts/ensure_cjk_font.sh
	touch $(STAMP)

install: $(STAMP)

# With a token: the Telegram bot. Without one: the console chat on the local SQLite ledger.
run: install
	$(PY) main.py run --or-chat

# pytest exits 5 when it collects nothing: that must fail, never pass silently.
# -n auto: one pytest-xdist worker per core; every fixture is safe to run in parallel.
test: install
	$(PY) -m pytest -q -p no:cacheprovider -n auto; code=$$?; \
	  if [ $$code -eq 5 ]; then echo "no tests collected" >&2; exit 1; fi; exit $$code

bench: install
	$(PY) -m bench

lint: install
	$(VENV)/bin/ruff check bot tests bench main.py

clean:
	rm -rf $(VENV) var
