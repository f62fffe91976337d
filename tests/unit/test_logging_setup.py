"""The log's times are the office's: the zone configured, with its offset written."""

from __future__ import annotations

import logging
import re
from zoneinfo import ZoneInfo

from bot.adapters.logging_setup import OfficeTimeFormatter, configure_logging

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_a_record_is_stamped_in_the_office_zone_with_its_offset():
    record = logging.LogRecord("bot.x", logging.INFO, __file__, 1, "已发送", None, None)
    record.created, record.msecs = 0.25, 250.0  # 1970-01-01 00:00:00.25 UTC
    line = OfficeTimeFormatter(SHANGHAI).format(record)
    assert line == "1970-01-01 08:00:00,250+0800 INFO bot.x: 已发送"
    utc = OfficeTimeFormatter(ZoneInfo("UTC")).format(record)
    assert utc.startswith("1970-01-01 00:00:00,250+0000 ")


def test_the_log_file_is_written_in_the_office_zone(tmp_path):
    log_file = tmp_path / "log" / "ledger.log"
    configure_logging(log_file, SHANGHAI, stderr=False)
    try:
        logging.getLogger("bot.probe").info("提醒已发送")
    finally:
        root = logging.getLogger()
        for handler in [h for h in root.handlers if getattr(h, "_ledger_bot_handler", False)]:
            root.removeHandler(handler)
            handler.close()
    [line] = log_file.read_text(encoding="utf-8").splitlines()
    stamp = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\+0800"
    assert re.fullmatch(rf"{stamp} INFO bot.probe: 提醒已发送", line), line
