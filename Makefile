# One-command set-up: every target creates .venv and installs the project first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install run test bench lint clean lock

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -c constraints.txt pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	bash scripts/ensure_cjk_font.sh
	touch $(STAMP)

install: $(STAMP)

# With a token: the Telegram bot. Without one: the console chat on the local SQLite ledger.
run: install
	$(PY) main.py run --or-chat

# pytest exits 5 when it collects nothing: that must fail, never pass silently.
# -n auto: one pytest-xdist worker per core; every fixture is safe to run in parallel.
test: install
	$(PY) -m pytest -q -p no:cacheprovider -n auto --dist worksteal; code=$$?; \
	  if [ $$code -eq 5 ]; then echo "no tests collected" >&2; exit 1; fi; exit $$code

bench: install
	$(PY) -m bench

lint: install
	$(VENV)/bin/ruff check bot tests bench main.py
	$(VENV)/bin/ruff format --check bot tests bench main.py

# Re-pin every package after a change to pyproject.toml: resolve in a fresh venv, freeze it.
lock:
	rm -rf .lockvenv
	$(PYTHON) -m venv .lockvenv
	.lockvenv/bin/python -m pip install --quiet --upgrade pip
	.lockvenv/bin/python -m pip install --quiet -e '.[dev]'
	{ echo "# Every package the project installs, pinned (make lock regenerates it from a fresh venv)."; \
	  echo "# make install installs with -c constraints.txt, so two machines get the same versions."; \
	  .lockvenv/bin/python -m pip freeze --all --exclude-editable | grep -v '^setuptools=='; } > constraints.txt
	rm -rf .lockvenv

clean:
	rm -rf $(VENV) var
