"""Typed, frozen configuration loaded from TOML, with environment overrides.

Nothing here runs at import time: `load_config` is called once from `main`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.domain.ledger import LEDGER_YEARS, text_problem
from bot.domain.status import status_day
from bot.domain.status_rules import StatusRules

PROJECT_ROOT = Path(__file__).resolve().parent.parent
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
    "database": {"url": ((str,), 'SQLAlchemy数据库地址（字符串），如 "sqlite:///var/ledger.db"')},
    "paths": {
        "var_dir": ((str,), "文件夹路径（字符串）"),
        "calendar_dir": ((str,), "文件夹路径（字符串）"),
    },
    "ledger": {
        "file": ((str,), "文件路径（字符串）"),
        "timezone": ((str,), 'IANA时区名（字符串），如 "Asia/Shanghai"'),
        "today": ((str, dt.date), '日期 "YYYY-MM-DD"，或 "" 表示今天'),
        "year": ((int,), "年份，如 2021；0 表示最近导入的年度"),
    },
    "telegram": {
        "token": ((str,), "字符串"),
        "admins": ((list,), "数字用户ID的列表，如 [123456789]"),
        "bot_api_url": ((str,), "网址（字符串）"),
        "bot_file_url": ((str,), "网址（字符串）"),
        "webhook_url": ((str,), "网址（字符串）"),
        "webhook_secret": ((str,), "字符串"),
        "webhook_listen": ((str,), '监听地址（字符串），如 "0.0.0.0"'),
        "webhook_port": ((int,), "端口号（整数），如 8443"),
        "rate_limiter": ((bool,), "true 或 false"),
        "sender_rate": ((int,), "每分钟消息条数（整数，0 表示不限）"),
    },
    "reminders": {
        "offsets": ((list,), "截止日前的天数列表，如 [7, 3, 1, 0]"),
        "send_time": ((str, dt.time), '时间 "HH:MM"，如 "09:00"'),
        "overdue_repeat_days": ((int,), "天数（整数）"),
        "digest_weekday": ((int,), "0（周一）到 6（周日）的整数"),
        "digest_due_days": ((int,), "天数（整数）"),
        "working_days_only": ((bool,), "true 或 false"),
        "enabled": ((bool,), "true 或 false"),
        "ack_days": ((int,), "工作日天数（整数，至少 1）"),
    },
    "office": {"name": ((str,), '落款的单位名称，如 "西平县督查局"')},
    "status": {
        "pace_tolerance": (
            (int, float),
            "低于序时进度仍算正常的百分点，0 到 100 的数，如 5",
        ),
    },
    "housekeeping": {
        "saved_list_days": ((int,), "天数（整数，0 表示一直保留）"),
        "saved_list_max": ((int,), "清单个数（整数，0 表示不限）"),
        "unmatched_days": ((int,), "天数（整数，0 表示一直保留）"),
        "unmatched_max": ((int,), "问题条数（整数，0 表示不限）"),
    },
}


def _unknown_key(source: str, section: str, key: str) -> str:
    known = list(_SCHEMA[section])
    close = difflib.get_close_matches(key, known, n=1)
    hint = f"是不是 {close[0]}？" if close else ""
    return (
        f"配置文件 {source}：[{section}] 没有 {key} 这个键；{hint}"
        f"[{section}] 可用的键：{'、'.join(known)}"
    )


def _check_types(raw: dict[str, Any], source: str) -> None:
    for section, values in raw.items():
        if section not in _SCHEMA:
            known = "、".join(f"[{name}]" for name in _SCHEMA)
            raise ConfigError(f"配置文件 {source}：没有 [{section}] 这一节；可用的节：{known}")
        if not isinstance(values, dict):
            raise ConfigError(
                f"配置文件 {source}：[{section}] 应是一节（单独一行写 [{section}]，下面写键 = 值）"
            )
        for key, value in values.items():
            spec = _SCHEMA[section].get(key)
            if spec is None:
                raise ConfigError(_unknown_key(source, section, key))
            types, description = spec
            # bool is an int subclass: refuse true/false where a number is expected
            if isinstance(value, bool) and bool not in types:
                raise ConfigError(f"配置文件 {source}：[{section}] {key} 应为{description}")
            if not isinstance(value, types):
                raise ConfigError(f"配置文件 {source}：[{section}] {key} 应为{description}")


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
            f'配置文件 {source}：[ledger] today 应为日期 "YYYY-MM-DD" 或 ""，而不是 {value!r}'
        ) from None


def _parse_year(value: int, source: str) -> int | None:
    if value == 0:
        return None
    if value not in LEDGER_YEARS:  # the years a ledger may be of, as every year that comes in
        first, last = LEDGER_YEARS[0], LEDGER_YEARS[-1]
        raise ConfigError(
            f"配置文件 {source}：[ledger] year 应为 {first} 到 {last} 的年份，"
            f"或 0 表示最近导入的年度，而不是 {value!r}"
        )
    return value


def _parse_admins(values: list[Any], source: str) -> tuple[int, ...]:
    admins = []
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(
                f"配置文件 {source}：[telegram] admins 应为数字用户ID的列表，如 [123456789]，"
                f"而不是 {value!r}（用户名不能授予权限）"
            )
        admins.append(value)
    return tuple(admins)


def _check_token(token: str, source: str) -> str:
    token = token.strip()
    if token in PLACEHOLDER_TOKENS or "YOUR" in token.upper().split("-"):
        raise ConfigError(
            f"{source}：[telegram] token 还是 config.example.toml 里的占位符（placeholder）；"
            '请填入 @BotFather 给的令牌，或留空（token = ""）使用控制台对话'
        )
    return token


def _parse_reminders(raw: dict[str, Any], source: str) -> RemindersConfig:
    defaults = RemindersConfig()
    offsets = raw.get("offsets", list(defaults.offsets))
    if not all(isinstance(o, int) and not isinstance(o, bool) and 0 <= o <= 366 for o in offsets):
        raise ConfigError(
            f"配置文件 {source}：[reminders] offsets 应为 0 到 366 的天数列表，如 [7, 3, 1, 0]"
        )
    send_time = raw.get("send_time", defaults.send_time)
    if isinstance(send_time, str):
        try:
            send_time = dt.time.fromisoformat(send_time)
        except ValueError:
            raise ConfigError(
                f'配置文件 {source}：[reminders] send_time 应为时间 "HH:MM"，如 "09:00"'
            ) from None
    weekday = raw.get("digest_weekday", defaults.digest_weekday)
    if not 0 <= weekday <= 6:
        raise ConfigError(
            f"配置文件 {source}：[reminders] digest_weekday 应为 0（周一）到 6（周日）"
        )
    for key in ("overdue_repeat_days", "digest_due_days", "ack_days"):
        if raw.get(key, 1) < 1:
            raise ConfigError(f"配置文件 {source}：[reminders] {key} 应为 1 或更大的整数")
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
            f"配置文件 {source}：[status] pace_tolerance 应为 0 到 100 的百分点数，如 5，"
            f"而不是 {value!r}"
        )
    return StatusRules(pace_tolerance=tolerance)


def _parse_housekeeping(raw: dict[str, Any], source: str) -> HousekeepingConfig:
    defaults = HousekeepingConfig()
    values = {}
    for key in ("saved_list_days", "saved_list_max", "unmatched_days", "unmatched_max"):
        value = raw.get(key, getattr(defaults, key))
        if value < 0:
            raise ConfigError(f"配置文件 {source}：[housekeeping] {key} 应为 0 或更大的整数")
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
            raise ConfigError(
                f"配置文件 {source} 不存在；请检查路径，"
                "或复制 config.example.toml 为 config.toml 再修改"
            )
        try:
            raw = tomllib.loads(file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(
                f"配置文件 {source} 不是有效的TOML（not valid TOML）：{exc}；"
                "请对照 config.example.toml 修改"
            ) from None
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
        raise ConfigError(
            f"配置文件 {source}：[ledger] timezone 时区 {timezone_name!r} 不存在；"
            '请写IANA时区名，如 "Asia/Shanghai"'
        ) from None

    token_source = "环境变量 BOT_TOKEN" if env.get("BOT_TOKEN") else f"配置文件 {source}"
    token = _check_token(env.get("BOT_TOKEN") or telegram.get("token", ""), token_source)
    webhook_secret = telegram.get("webhook_secret", "")
    if telegram.get("webhook_url") and not webhook_secret:
        raise ConfigError(
            f"配置文件 {source}：写了 [telegram] webhook_url 就必须写 [telegram] webhook_secret"
        )
    if webhook_secret and not WEBHOOK_SECRET_FORM.fullmatch(webhook_secret):
        raise ConfigError(
            f"配置文件 {source}：[telegram] webhook_secret 应为1到256个 A-Z、a-z、0-9、_ 或 - "
            "字符（Telegram 不接受其他字符）；可以这样生成："
            "python -c 'import secrets; print(secrets.token_urlsafe(32))'"
        )
    sender_rate = telegram.get("sender_rate", DEFAULT_SENDER_RATE)
    if sender_rate < 0:
        raise ConfigError(f"配置文件 {source}：[telegram] sender_rate 应为 0（不限）或更大的整数")

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
            f"配置文件 {source}：[office] name 应为落款的单位名称（1到"
            f'{OFFICE_NAME_MAX_CHARS}个字，不含控制字符），如 "西平县督查局"'
        )
    return name
