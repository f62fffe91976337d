"""Typed, frozen configuration loaded from TOML, with environment overrides.

Nothing here runs at import time: `load_config` is called once from `main`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.ledger import text_problem
from bot.status import status_day
from bot.status_rules import StatusRules

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# The years `[ledger] year` accepts: four digits, as ledgers and questions write them.
MIN_YEAR, MAX_YEAR = 1000, 9999
DEFAULT_LEDGER_FILE = PROJECT_ROOT / "data" / "ledger_2020.toml"
DEFAULT_DATABASE_URL = f"sqlite:///{PROJECT_ROOT / 'var' / 'ledger.db'}"
DEFAULT_TIMEZONE = "Asia/Shanghai"
DEFAULT_VAR_DIR = PROJECT_ROOT / "var"
DEFAULT_CALENDAR_DIR = PROJECT_ROOT / "data" / "calendar"
DEFAULT_SENDER_RATE = 20  # messages a minute from one person before the bot goes quiet
DEFAULT_OFFICE_NAME = "县督查局"
OFFICE_NAME_MAX_CHARS = 40

# Telegram accepts a webhook secret_token of 1-256 characters from this set only.
WEBHOOK_SECRET_FORM = re.compile(r"[A-Za-z0-9_-]{1,256}")

# Values shipped in config.example.toml that must never reach production unchanged.
PLACEHOLDER_TOKENS = frozenset({"PUT-YOUR-BOT-TOKEN-HERE", "123456:ABC-DEF", "changeme"})


class ConfigError(Exception):
    """A config file or override is invalid; the message names the key and the file."""


@dataclass(frozen=True)
class TelegramConfig:
    token: str = ""
    admins: tuple[int, ...] = ()
    bot_api_url: str = ""
    bot_file_url: str = ""
    webhook_url: str = ""
    webhook_secret: str = ""
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    rate_limiter: bool = True
    sender_rate: int = DEFAULT_SENDER_RATE  # 0: no per-sender limit

    def __repr__(self) -> str:  # keep the token out of logs and tracebacks
        return f"TelegramConfig(token={'***' if self.token else ''!r}, admins={self.admins!r})"


@dataclass(frozen=True)
class RemindersConfig:
    offsets: tuple[int, ...] = (7, 3, 1, 0)
    send_time: dt.time = dt.time(9, 0)
    overdue_repeat_days: int = 7
    digest_weekday: int = 0  # Monday, as datetime.weekday()
    digest_due_days: int = 14
    working_days_only: bool = True
    enabled: bool = True  # false: this process never sends reminders (not the leader)
    ack_days: int = 2  # working days a unit has to press 收到 before the leaders are told


@dataclass(frozen=True)
class HousekeepingConfig:
    """Limits on tables that grow with use, applied at start-up and in the daily reminder job
    (of the scheduler leader); 0 turns a limit off."""

    saved_list_days: int = 7  # ◀ ▶ pages of a long list reply stay usable this long
    saved_list_max: int = 10000
    unmatched_days: int = 365  # questions that found no target, kept for /unmatched
    unmatched_max: int = 5000


@dataclass(frozen=True)
class Config:
    database_url: str = DEFAULT_DATABASE_URL
    ledger_file: Path = DEFAULT_LEDGER_FILE
    timezone_name: str = DEFAULT_TIMEZONE
    today: dt.date | None = None
    year: int | None = None  # the current ledger year; None: the latest one imported
    telegram: TelegramConfig = field(default_factory=TelegramConfig)
    reminders: RemindersConfig = field(default_factory=RemindersConfig)
    var_dir: Path = DEFAULT_VAR_DIR  # the log, files the console saves, the tokenizer's cache
    calendar_dir: Path = DEFAULT_CALENDAR_DIR  # the office's holiday files, YYYY.toml
    housekeeping: HousekeepingConfig = field(default_factory=HousekeepingConfig)
    status: StatusRules = field(default_factory=StatusRules)  # `[status]`: how statuses judge
    # The office as it signs: the report's 落款 and the sender of reminders.
    office_name: str = DEFAULT_OFFICE_NAME
    source: str = "<defaults>"

    @property
    def log_file(self) -> Path:
        return self.var_dir / "log" / "ledger.log"

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone_name)

    def now(self) -> dt.datetime:
        """Current time in the ledger's timezone; a fixed `today` pins the date at 09:00."""
        if self.today is not None:
            return dt.datetime.combine(self.today, dt.time(9, 0), tzinfo=self.tz)
        return dt.datetime.now(self.tz)

    def current_date(self) -> dt.date:
        return self.now().date()

    def status_date(self, year: int) -> dt.date:
        """The day a ledger of `year` is judged on (held at the year's close once past)."""
        return status_day(self.current_date(), year, pinned=self.today is not None)


# key -> (expected python types, human description)
_SCHEMA: dict[str, dict[str, tuple[tuple[type, ...], str]]] = {
    "database": {"url": ((str,), "a SQLAlchemy URL string")},
    "paths": {
        "var_dir": ((str,), "a directory path string"),
        "calendar_dir": ((str,), "a directory path string"),
    },
    "ledger": {
        "file": ((str,), "a path string"),
        "timezone": ((str,), "an IANA timezone name such as Asia/Shanghai"),
        "today": ((str, dt.date), 'a date "YYYY-MM-DD" or ""'),
        "year": ((int,), "a year such as 2021, or 0 for the latest year imported"),
    },
    "telegram": {
        "token": ((str,), "a string"),
        "admins": ((list,), "a list of numeric user ids"),
        "bot_api_url": ((str,), "a URL string"),
        "bot_file_url": ((str,), "a URL string"),
        "webhook_url": ((str,), "a URL string"),
        "webhook_secret": ((str,), "a string"),
        "webhook_listen": ((str,), "an address string"),
        "webhook_port": ((int,), "an integer port"),
        "rate_limiter": ((bool,), "true or false"),
        "sender_rate": ((int,), "a whole number of messages a minute (0 = no limit)"),
    },
    "reminders": {
        "offsets": ((list,), "a list of whole days before a deadline, e.g. [7, 3, 1, 0]"),
        "send_time": ((str, dt.time), 'a time "HH:MM"'),
        "overdue_repeat_days": ((int,), "a whole number of days"),
        "digest_weekday": ((int,), "0 (Monday) to 6 (Sunday)"),
        "digest_due_days": ((int,), "a whole number of days"),
        "working_days_only": ((bool,), "true or false"),
        "enabled": ((bool,), "true or false"),
        "ack_days": ((int,), "a whole number of working days (1 or more)"),
    },
    "office": {"name": ((str,), "the office's name as it signs, e.g. 西平县督查局")},
    "status": {
        "pace_tolerance": (
            (int, float),
            "points below 序时进度 still counted on pace, from 0 to 100 (e.g. 5)",
        ),
    },
    "housekeeping": {
        "saved_list_days": ((int,), "a whole number of days (0 = keep)"),
        "saved_list_max": ((int,), "a whole number of lists (0 = no limit)"),
        "unmatched_days": ((int,), "a whole number of days (0 = keep)"),
        "unmatched_max": ((int,), "a whole number of questions (0 = no limit)"),
    },
}


def _check_types(raw: dict[str, Any], source: str) -> None:
    for section, values in raw.items():
        if section not in _SCHEMA:
            raise ConfigError(f"{source}: unknown section [{section}]")
        if not isinstance(values, dict):
            raise ConfigError(f"{source}: [{section}] must be a table")
        for key, value in values.items():
            spec = _SCHEMA[section].get(key)
            if spec is None:
                raise ConfigError(f"{source}: unknown key [{section}] {key}")
            types, description = spec
            # bool is an int subclass: refuse true/false where a number is expected
            if isinstance(value, bool) and bool not in types:
                raise ConfigError(f"{source}: [{section}] {key} must be {description}")
            if not isinstance(value, types):
                raise ConfigError(f"{source}: [{section}] {key} must be {description}")


def _resolve_path(value: str, base: Path) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else (base / path).resolve()


def _resolve_sqlite_url(url: str, base: Path) -> str:
    prefix = "sqlite:///"
    if url.startswith(prefix) and url != "sqlite:///:memory:":
        raw = url[len(prefix) :]
        if raw and not raw.startswith("/"):
            return prefix + str((base / raw).resolve())
    return url


def _parse_today(value: str | dt.date, source: str) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ConfigError(
            f'{source}: [ledger] today must be a date "YYYY-MM-DD" or "", not {value!r}'
        ) from None


def _parse_year(value: int, source: str) -> int | None:
    if value == 0:
        return None
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise ConfigError(
            f"{source}: [ledger] year must be a year from {MIN_YEAR} to {MAX_YEAR}, "
            f"or 0 for the latest year imported, not {value!r}"
        )
    return value


def _parse_admins(values: list[Any], source: str) -> tuple[int, ...]:
    admins = []
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(
                f"{source}: [telegram] admins must be a list of numeric user ids, "
                f"not {value!r} (usernames never grant rights)"
            )
        admins.append(value)
    return tuple(admins)


def _check_token(token: str, source: str) -> str:
    token = token.strip()
    if token in PLACEHOLDER_TOKENS or "YOUR" in token.upper().split("-"):
        raise ConfigError(
            f"{source}: [telegram] token is still the placeholder from config.example.toml; "
            "put the token from @BotFather there, or leave it empty for the console chat"
        )
    return token


def _parse_reminders(raw: dict[str, Any], source: str) -> RemindersConfig:
    defaults = RemindersConfig()
    offsets = raw.get("offsets", list(defaults.offsets))
    if not all(isinstance(o, int) and not isinstance(o, bool) and 0 <= o <= 366 for o in offsets):
        raise ConfigError(f"{source}: [reminders] offsets must be whole days from 0 to 366")
    send_time = raw.get("send_time", defaults.send_time)
    if isinstance(send_time, str):
        try:
            send_time = dt.time.fromisoformat(send_time)
        except ValueError:
            raise ConfigError(f'{source}: [reminders] send_time must be "HH:MM"') from None
    weekday = raw.get("digest_weekday", defaults.digest_weekday)
    if not 0 <= weekday <= 6:
        raise ConfigError(f"{source}: [reminders] digest_weekday must be 0 (Monday) to 6")
    for key in ("overdue_repeat_days", "digest_due_days", "ack_days"):
        if raw.get(key, 1) < 1:
            raise ConfigError(f"{source}: [reminders] {key} must be 1 or more")
    return RemindersConfig(
        offsets=tuple(sorted(set(offsets), reverse=True)),
        send_time=send_time.replace(tzinfo=None),
        overdue_repeat_days=raw.get("overdue_repeat_days", defaults.overdue_repeat_days),
        digest_weekday=weekday,
        digest_due_days=raw.get("digest_due_days", defaults.digest_due_days),
        working_days_only=raw.get("working_days_only", defaults.working_days_only),
        enabled=raw.get("enabled", defaults.enabled),
        ack_days=raw.get("ack_days", defaults.ack_days),
    )


def _parse_status(raw: dict[str, Any], source: str) -> StatusRules:
    value = raw.get("pace_tolerance")
    if value is None:
        return StatusRules()
    tolerance = Decimal(str(value))
    if not Decimal(0) <= tolerance <= Decimal(100):
        raise ConfigError(
            f"{source}: [status] pace_tolerance must be points from 0 to 100 (e.g. 5), "
            f"not {value!r}"
        )
    return StatusRules(pace_tolerance=tolerance)


def _parse_housekeeping(raw: dict[str, Any], source: str) -> HousekeepingConfig:
    defaults = HousekeepingConfig()
    values = {}
    for key in ("saved_list_days", "saved_list_max", "unmatched_days", "unmatched_max"):
        value = raw.get(key, getattr(defaults, key))
        if value < 0:
            raise ConfigError(f"{source}: [housekeeping] {key} must be 0 or more")
        values[key] = value
    return HousekeepingConfig(**values)


def load_config(
    path: str | os.PathLike[str] | None = None, environ: dict[str, str] | None = None
) -> Config:
    """Load the config from `path`, $LEDGER_CONFIG or ./config.toml; defaults serve otherwise.

    DATABASE_URL and BOT_TOKEN in the environment override their keys.
    """
    env = os.environ if environ is None else environ
    chosen = path or env.get("LEDGER_CONFIG") or None
    raw: dict[str, Any] = {}
    base = PROJECT_ROOT
    source = "<defaults>"
    if chosen is None and (PROJECT_ROOT / "config.toml").exists():
        chosen = PROJECT_ROOT / "config.toml"
    if chosen is not None:
        file = Path(chosen)
        source = str(file)
        if not file.is_file():
            raise ConfigError(f"{source}: config file not found")
        try:
            raw = tomllib.loads(file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{source}: not valid TOML: {exc}") from None
        base = file.resolve().parent
    _check_types(raw, source)

    database = raw.get("database", {})
    ledger = raw.get("ledger", {})
    telegram = raw.get("telegram", {})
    paths = raw.get("paths", {})

    database_url = env.get("DATABASE_URL") or database.get("url") or DEFAULT_DATABASE_URL
    timezone_name = ledger.get("timezone") or DEFAULT_TIMEZONE
    try:
        ZoneInfo(timezone_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"{source}: [ledger] timezone {timezone_name!r} is unknown") from None

    token_source = "BOT_TOKEN (environment)" if env.get("BOT_TOKEN") else source
    token = _check_token(env.get("BOT_TOKEN") or telegram.get("token", ""), token_source)
    webhook_secret = telegram.get("webhook_secret", "")
    if telegram.get("webhook_url") and not webhook_secret:
        raise ConfigError(f"{source}: [telegram] webhook_secret is required with webhook_url")
    if webhook_secret and not WEBHOOK_SECRET_FORM.fullmatch(webhook_secret):
        raise ConfigError(
            f"{source}: [telegram] webhook_secret must be 1-256 characters of A-Z, a-z, 0-9, "
            "_ and - (Telegram refuses anything else); make one with "
            "python -c 'import secrets; print(secrets.token_urlsafe(32))'"
        )
    sender_rate = telegram.get("sender_rate", DEFAULT_SENDER_RATE)
    if sender_rate < 0:
        raise ConfigError(f"{source}: [telegram] sender_rate must be 0 (no limit) or more")

    return Config(
        database_url=_resolve_sqlite_url(database_url, base),
        ledger_file=_resolve_path(ledger["file"], base)
        if ledger.get("file")
        else DEFAULT_LEDGER_FILE,
        timezone_name=timezone_name,
        today=_parse_today(ledger.get("today", ""), source),
        year=_parse_year(ledger.get("year", 0), source),
        telegram=TelegramConfig(
            token=token,
            admins=_parse_admins(telegram.get("admins", []), source),
            bot_api_url=telegram.get("bot_api_url", ""),
            bot_file_url=telegram.get("bot_file_url", ""),
            webhook_url=telegram.get("webhook_url", ""),
            webhook_secret=webhook_secret,
            webhook_listen=telegram.get("webhook_listen", "127.0.0.1"),
            webhook_port=telegram.get("webhook_port", 8443),
            rate_limiter=telegram.get("rate_limiter", True),
            sender_rate=sender_rate,
        ),
        reminders=_parse_reminders(raw.get("reminders", {}), source),
        var_dir=_resolve_path(paths["var_dir"], base) if paths.get("var_dir") else DEFAULT_VAR_DIR,
        calendar_dir=_resolve_path(paths["calendar_dir"], base)
        if paths.get("calendar_dir")
        else DEFAULT_CALENDAR_DIR,
        housekeeping=_parse_housekeeping(raw.get("housekeeping", {}), source),
        status=_parse_status(raw.get("status", {}), source),
        office_name=_parse_office_name(raw.get("office", {}), source),
        source=source,
    )


def _parse_office_name(office: dict[str, Any], source: str) -> str:
    name = office.get("name", DEFAULT_OFFICE_NAME).strip()
    if not name or text_problem(name) is not None or len(name) > OFFICE_NAME_MAX_CHARS:
        raise ConfigError(
            f"{source}: [office] name must be the office's name as it signs (1-"
            f"{OFFICE_NAME_MAX_CHARS} characters, no control characters), e.g. 西平县督查局"
        )
    return name
