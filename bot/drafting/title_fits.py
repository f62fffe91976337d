"""A name fitted to a title's length (≤ 8 characters, whole words): the words that end a
name without naming anything go, then generic heads, then words from the front, where the
head noun of a Chinese phrase is not; the lexicon's abbreviations shorten what is written out.
"""

from __future__ import annotations

import re

from bot.drafting import title_prose as prose
from bot.understanding.lexicon import written_abbreviation

TITLE_MAX = 8

_NOT_A_START = frozenset("的等以或和与及、之")
# Suffixes that end the word before them ("补贴性", "紧密型", "规范化"): no name starts with one.
SUFFIXES = frozenset("性型化式级类段")  # 段 of a stretch of road: "县城至李沟段"
# Words a name cannot start with: they qualify what comes before them.
BAD_START = (
    frozenset(("以上", "以下", "以内", "之间", "其中", "方面", "今年", "全年")) | _NOT_A_START
)
# Words that end a phrase without naming anything: the work, the effort, the document or
# the duty about a thing ("节能减煤工作要点", "信贷投放力度", "耕地保护主体责任").
_EMPTY_TAIL = re.compile(
    r"(?:工作要点|实施意见|实施方案|主体责任|约束性指标|控制目标|目标任务|工作|力度|全覆盖"
    # ... or the area it falls in ("扩大社会就业方面"), or how far it has got ("…项目开工建设").
    r"|方面|开工建设|开工|完工|竣工|投入使用|通车|问题|同比)$"
)
# Generic heads a long name may lose when that makes it fit, rather than lose its own words
# from the front ("永清路提升改造工程" → 永清路提升改造, not 路提升改造工程).
_GENERIC_TAIL = re.compile(r"(?:工程|项目|建设|体系)$")
# Words for the kind of work done to a thing, not the thing ("农村饮水安全巩固提升工程",
# "水利薄弱环节治理三年行动"): a name too long for a title loses them from its end before it
# loses its own words from the front (安全巩固提升工程 would keep the work and lose 饮水).
_WORK_TAIL = re.compile(
    r"(?:工程|项目|建设|体系|行动|三年|计划|提升|提质|改造|巩固|升级|管理|服务|能力|整治|治理"
    r"|完善|优化|运营|专项|攻坚|维修|养护|监管|试点|功能|补短板|推进|示范)$"
)


def strip_tails(core: str) -> str:
    """`core` without the words after its name that name nothing; four characters stay."""
    while (m := _EMPTY_TAIL.search(core) or prose.ADVERB_TAIL.search(core)) and m.start() >= 4:
        core = core[: m.start()]
    # "饮水安全问题项目": an empty word before a generic head goes with it.
    head = _GENERIC_TAIL.search(core)
    if head and (m := _EMPTY_TAIL.search(core[: head.start()])) and m.start() >= 4:
        core = strip_tails(core[: m.start()])
    return core


def fit_tails(core: str) -> str:
    """A long name without its generic heads if that makes it fit; a head after a qualifier
    ("亿元以上项目") stays."""
    short = core
    while len(short) > TITLE_MAX and (m := _GENERIC_TAIL.search(short)) and m.start() >= 4:
        if any(short[: m.start()].endswith(w) for w in BAD_START):
            break
        short = short[: m.start()]
    return short if len(short) <= TITLE_MAX else core


def drop_work_tails(core: str) -> str:
    """A name still too long without the words for the work at its end, while four
    characters of its own stay ("近视防控教室照明改造工程" → 近视防控教室照明)."""
    while len(core) > TITLE_MAX and (m := _WORK_TAIL.search(core)) and m.start() >= 4:
        if any(core[: m.start()].endswith(w) for w in BAD_START):
            break
        core = core[: m.start()]
    return core


def own_words(name: str) -> str:
    """The name without the words for the work at its end, however short that leaves it."""
    while m := _WORK_TAIL.search(name):
        name = name[: m.start()]
    return name


def front_cut(core: str, tokenizer, abbreviations: dict[str, str]) -> tuple[str, bool]:
    """`core` cut to a title's length from the front, and whether anything was cut."""
    # Cutting the first words keeps a name written in full ("全社会固定资产投资" → 固定资产投资);
    # where the cut would start mid-phrase ("以上工业增加值"), an abbreviation shortens it.
    kept = [w for w in tokenizer.lcut(core) if w.strip()]
    while kept and sum(map(len, kept)) > TITLE_MAX:
        kept.pop(0)
    if (not kept or kept[0] in BAD_START or len("".join(kept)) < 4) and len(core) > TITLE_MAX:
        short = abbreviate(core, abbreviations, anywhere=True)
        title, cut = _cut_words(short, tokenizer)
        # An abbreviation is one word: a cut inside it ("城镇老旧改和社区服务提升" →
        # 改和社区服务提升) keeps a character of it that names nothing.
        if not _inside_abbreviation(title, short, core, abbreviations):
            return title, cut
    return _cut_words(core, tokenizer)


def _cut_words(core: str, tokenizer) -> tuple[str, bool]:
    words = [w for w in tokenizer.lcut(core) if w.strip()]
    # The head noun of a Chinese phrase is at its end: drop words from the front.
    cut, before = False, ""
    while words and (sum(map(len, words)) > TITLE_MAX or words[0] in BAD_START):
        before, cut = words.pop(0), True
    # A cut inside a word leaves its bound last character ("补贴性职业技能培训" → 性…).
    while cut and len(words) > 1 and words[0] in SUFFIXES and len("".join(words[1:])) >= 4:
        words.pop(0)
    words = prose.drop_bound_first(words, before, tokenizer) if cut else words
    return (prose.unbound("".join(words), BAD_START) if cut else "".join(words)), cut


def _inside_abbreviation(title: str, short: str, core: str, abbreviations: dict[str, str]) -> bool:
    """`title`, cut from `short` (`core` abbreviated), starts inside an abbreviation written
    into it."""
    at = short.rfind(title)
    for abbreviation, means in abbreviations.items():
        written = written_abbreviation(abbreviation, means)
        if at <= 0 or written not in short or written in core:
            continue
        if any(m.start() < at < m.end() for m in re.finditer(re.escape(written), short)):
            return True
    return False


def abbreviate(core: str, abbreviations: dict[str, str], *, anywhere: bool) -> str:
    """A long name shortened by the lexicon's abbreviations (招商引资项目履约率 → 招引项目履约率).
    Unless `anywhere`, a full form that ends the name stays written out: it is the name's head
    ("全社会固定资产投资" stays, never "全社会固资")."""
    for abbreviation, means in abbreviations.items():
        full = re.split(r"[（(/ ]", means)[0].strip()
        if len(full) >= 3 and full in core and (anywhere or not core.endswith(full)):
            core = core.replace(full, written_abbreviation(abbreviation, means))
    return core
