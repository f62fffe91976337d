"""Config loading: defaults, overrides and refusals that name the key and the file."""

import datetime as dt

import pytest

from bot.config import DEFAULT_LEDGER_FILE, ConfigError, load_config


def write(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file(tmp_path):
    config = load_config(None, environ={})
    assert config.database_url.startswith("sqlite:///") and config.database_url.endswith(
        "var/ledger.db"
    )
    assert config.ledger_file == DEFAULT_LEDGER_FILE
    assert config.timezone_name == "Asia/Shanghai"
    assert config.today is None and config.telegram.token == ""
    assert config.year is None  # the latest year imported


def test_ledger_year_names_the_current_year_and_zero_means_the_latest(tmp_path):
    assert load_config(write(tmp_path, "[ledger]\nyear = 2020\n"), environ={}).year == 2020
    assert load_config(write(tmp_path, "[ledger]\nyear = 0\n"), environ={}).year is None


def test_values_and_relative_paths(tmp_path):
    path = write(
        tmp_path,
        '[database]\nurl = "sqlite:///data.db"\n[ledger]\nfile = "l.toml"\ntoday = "2020-10-23"\n'
        '[telegram]\ntoken = "123:abc"\nadmins = [42, 7]\nbot_api_url = "http://127.0.0.1:1/bot"\n',
    )
    config = load_config(path, environ={})
    assert config.database_url == f"sqlite:///{tmp_path / 'data.db'}"
    assert config.ledger_file == tmp_path / "l.toml"
    assert config.today == dt.date(2020, 10, 23)
    assert config.now().tzinfo is not None and config.now().hour == 9
    assert config.telegram.admins == (42, 7)
    assert "123:abc" not in repr(config)


def test_environment_overrides(tmp_path):
    path = write(tmp_path, '[telegram]\ntoken = "1:file"\n')
    env = {
        "LEDGER_CONFIG": str(path),
        "DATABASE_URL": "postgresql+psycopg://x/y",
        "BOT_TOKEN": "2:env",
    }
    config = load_config(None, environ=env)
    assert config.telegram.token == "2:env"
    assert config.database_url == "postgresql+psycopg://x/y"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("[ledger]\ncolour = 1\n", "[ledger] 没有 colour 这个键"),
        ("[bogus]\n", "没有 [bogus] 这一节"),
        ("[telegram]\nadmins = 5\n", "[telegram] admins"),
        ('[telegram]\nadmins = ["@boss"]\n', "[telegram] admins"),
        ("[telegram]\nwebhook_port = true\n", "[telegram] webhook_port"),
        ('[telegram]\ntoken = "PUT-YOUR-BOT-TOKEN-HERE"\n', "[telegram] token"),
        ('[ledger]\ntoday = "tomorrow"\n', "[ledger] today"),
        ('[ledger]\ntimezone = "Mars/Base"\n', "[ledger] timezone"),
        ("[ledger\n", "不是有效的TOML"),
        ("[telegram]\nsender_rate = -1\n", "[telegram] sender_rate"),
        ("[ledger]\nyear = 20\n", "[ledger] year"),
        ("[ledger]\nyear = 3000\n", "[ledger] year 应为 1900 到 2200 的年份"),
        ('[ledger]\nyear = "2021"\n', "[ledger] year"),
        ("[ledger]\nyear = true\n", "[ledger] year"),
        ('[telegram]\nsender_rate = "20"\n', "[telegram] sender_rate"),
        ("[reminders]\nack_days = 0\n", "[reminders] ack_days"),
        ('[reminders]\nack_days = "2"\n', "[reminders] ack_days"),
        ("[status]\npace_tolerance = -1\n", "[status] pace_tolerance"),
        ("[status]\npace_tolerance = 101\n", "[status] pace_tolerance"),
        ('[status]\npace_tolerance = "5"\n', "[status] pace_tolerance"),
        ("[status]\npace_tolerance = true\n", "[status] pace_tolerance"),
    ],
)
def test_bad_configs_are_refused_naming_key_and_file(tmp_path, text, fragment):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path, environ={})
    assert fragment in str(info.value)
    assert str(path) in str(info.value)
    assert str(info.value).startswith(f"配置文件 {path}")  # Chinese, naming the file first


def test_config_errors_say_in_chinese_what_to_write_instead(tmp_path):
    path = write(tmp_path, "[ledger]\ntimezon = 1\n")
    with pytest.raises(ConfigError) as info:
        load_config(path, environ={})
    assert "是不是 timezone？" in str(info.value) and "可用的键：file、timezone" in str(info.value)
    path = write(tmp_path, "[reminders]\nsend_time = 9\n")
    with pytest.raises(ConfigError) as info:
        load_config(path, environ={})
    assert (
        str(info.value) == f'配置文件 {path}：[reminders] send_time 应为时间 "HH:MM"，如 "09:00"'
    )
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path / "missing.toml", environ={})
    assert str(info.value).startswith(f"配置文件 {tmp_path / 'missing.toml'} 不存在；")


def test_example_config_documents_every_key_and_loads_as_it_is(tmp_path):
    from bot.config import _SCHEMA, PROJECT_ROOT

    example = (PROJECT_ROOT / "config.example.toml").read_text(encoding="utf-8")
    for section, keys in _SCHEMA.items():
        assert f"[{section}]" in example
        for key in keys:
            assert f"\n{key} =" in example or f"\n# {key} =" in example, key
    config = load_config(write(tmp_path, example), environ={})
    assert config.telegram.token == "", "a copied example must open the console chat"


def test_a_placeholder_pasted_over_the_example_token_is_refused(tmp_path):
    from bot.config import PROJECT_ROOT

    example = (PROJECT_ROOT / "config.example.toml").read_text(encoding="utf-8")
    pasted = example.replace('token = ""', 'token = "PUT-YOUR-BOT-TOKEN-HERE"', 1)
    assert pasted != example
    path = write(tmp_path, pasted)
    with pytest.raises(ConfigError, match="placeholder") as info:
        load_config(path, environ={})
    assert "[telegram] token" in str(info.value) and str(path) in str(info.value)


@pytest.mark.parametrize(
    "secret",
    ["has space", "semi;colon", "中文密钥", "x" * 257, "slash/ed", "dot.ted"],
    ids=["space", "semicolon", "chinese", "257-chars", "slash", "dot"],
)
def test_a_webhook_secret_outside_telegrams_form_is_refused(tmp_path, secret):
    path = write(
        tmp_path,
        f'[telegram]\nwebhook_url = "https://bot.example.org/hook"\nwebhook_secret = "{secret}"\n',
    )
    with pytest.raises(ConfigError) as info:
        load_config(path, environ={})
    message = str(info.value)
    assert "[telegram] webhook_secret" in message and str(path) in message
    assert "A-Z" in message and "256" in message
    assert secret not in message  # a secret is never echoed back


@pytest.mark.parametrize("secret", ["a", "A-z_09", "x" * 256], ids=["one", "mixed", "256"])
def test_a_webhook_secret_in_telegrams_form_is_kept(tmp_path, secret):
    path = write(
        tmp_path,
        f'[telegram]\nwebhook_url = "https://bot.example.org/hook"\nwebhook_secret = "{secret}"\n',
    )
    assert load_config(path, environ={}).telegram.webhook_secret == secret


def test_sender_rate(tmp_path):
    assert load_config(None, environ={}).telegram.sender_rate == 20
    path = write(tmp_path, "[telegram]\nsender_rate = 0\n")
    assert load_config(path, environ={}).telegram.sender_rate == 0


def test_office_name_defaults_to_the_county_office_and_can_be_set(tmp_path):
    assert load_config(None, environ={}).office_name == "县督查局"
    path = write(tmp_path, '[office]\nname = "西平县督查局"\n')
    assert load_config(path, environ={}).office_name == "西平县督查局"


@pytest.mark.parametrize("value", ['""', '"  "', '"督查\\u0000局"', '"' + "局" * 41 + '"'])
def test_a_bad_office_name_is_refused_naming_the_key(tmp_path, value):
    path = write(tmp_path, f"[office]\nname = {value}\n")
    with pytest.raises(ConfigError, match=r"\[office\] name"):
        load_config(path, environ={})


def test_ack_days_and_pace_tolerance_default_and_load():
    from decimal import Decimal

    from bot.app.reminders import policy_of_config
    from bot.config import Config

    defaults = Config()
    assert defaults.reminders.ack_days == 2
    assert defaults.status.pace_tolerance == Decimal(5)
    assert policy_of_config(defaults).ack_days == 2


def test_ack_days_and_pace_tolerance_from_the_file(tmp_path):
    from decimal import Decimal

    from bot.app.reminders import policy_of_config

    text = "[reminders]\nack_days = 3\n[status]\npace_tolerance = 7.5\n"
    config = load_config(write(tmp_path, text), environ={})
    assert config.reminders.ack_days == 3 and policy_of_config(config).ack_days == 3
    assert config.status.pace_tolerance == Decimal("7.5")
