"""An admin re-imports a ledger file that leaves optional keys out (a hand-trimmed TOML, a file
written by another tool): what the file does not say stays as the database holds it, and the
summary says how many fields were kept so. A key written empty ("", []) still clears its field,
audited as every import change is."""

from __future__ import annotations

import re

from bot.config import DEFAULT_LEDGER_FILE


def _without(text: str, number: int, keys: tuple[str, ...]) -> str:
    """The ledger file's text with `keys` lines of target `number` (and its tables) left out."""
    start = text.index(f"number = {number}\n")
    end = text.index("[[targets]]", start)
    block = "\n".join(line for line in text[start:end].split("\n") if not line.startswith(keys))
    return text[:start] + block + text[end:]


def test_a_key_the_file_leaves_out_keeps_the_field(run_cli, tmp_path):
    text = DEFAULT_LEDGER_FILE.read_text(encoding="utf-8")
    trimmed = tmp_path / "trimmed.toml"
    trimmed.write_text(
        _without(text, 12, ("progress_text", "aliases", "actual =", "as_of")), encoding="utf-8"
    )
    code, out, err = run_cli("import", str(trimmed))
    assert (code, err) == (0, "")
    # before: "更新4个字段" and target 12 lost its progress, aliases and loan figure
    assert out.startswith("新建0项，更新0个字段，冲突0个")
    assert re.search(r"文件未写的字段保持不变：3个（第12项 别名、新增贷款、进展）", out), out
    _, shown, _ = run_cli("show", "12")
    assert "进展：截止12月底新增贷款24.43亿元" in shown
    assert "别名：" in shown and "24.43亿元" in shown


def test_a_key_written_empty_still_clears_it_audited(run_cli, tmp_path):
    text = DEFAULT_LEDGER_FILE.read_text(encoding="utf-8")
    start = text.index("number = 12\n")
    cleared = tmp_path / "cleared.toml"
    cleared.write_text(
        text[:start]
        + re.sub(r'progress_text = ".*"', 'progress_text = ""', text[start:], count=1),
        encoding="utf-8",
    )
    code, out, _ = run_cli("import", str(cleared))
    assert code == 0 and out.startswith("新建0项，更新1个字段，冲突0个")
    assert "文件未写" not in out
    _, shown, _ = run_cli("show", "12")
    assert "进展：—" in shown
