"""The real bot as a process, for crash tests: run_polling against a fake Bot API.

    python tests/auxil/crash_bot.py BOT_API_URL FILE_URL SQLITE_PATH [ADMIN_ID]

It builds the production Application (bot.adapters.telegram.build_application) over the SQLite file
and polls until it is killed. Today is fixed inside the 2020 ledger year, like the tests' config.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bot.adapters.telegram import build_application  # noqa: E402
from bot.app.services import build_answerer, open_engine  # noqa: E402
from bot.chat.service import ChatService  # noqa: E402
from bot.config import Config  # noqa: E402

TOKEN = "123456:TEST"


def main(argv: list[str]) -> int:
    api_url, file_url, db_path = argv[:3]
    admin = int(argv[3]) if len(argv) > 3 else 42
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)
    config = Config(
        database_url=f"sqlite:///{db_path}",
        today=dt.date(2021, 1, 15),
        source=str(Path(db_path).with_name("config.toml")),
    )
    telegram = dataclasses.replace(
        config.telegram,
        token=TOKEN,
        admins=(admin,),
        bot_api_url=api_url,
        bot_file_url=file_url,
        rate_limiter=False,
    )
    config = dataclasses.replace(config, telegram=telegram)
    engine = open_engine(config)
    service = ChatService(engine, config, build_answerer(engine, config))
    application = build_application(config, service)
    print("crash_bot: polling", flush=True)
    application.run_polling(poll_interval=0, timeout=2)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
