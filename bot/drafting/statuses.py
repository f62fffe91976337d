"""The status a draft gives one target on the report's day, from its figures and the words
of its progress, with the reason it quotes (bot.drafting.draft calls `draft_status`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from bot.domain.ledger import TargetSpec
from bot.domain.status import (
    compute_status,
    final_deadline,
    indicator_exceeded,
    indicator_met,
    missing_figures,
    targeted_indicators,
)
from bot.drafting.own_yardstick import restated_task_verdict
from bot.drafting.parts_and_pace import part_behind, tallied_pace, whole_on_pace
from bot.drafting.rates import gap_above, gap_status, growth_behind, level_with_plan
from bot.drafting.relative_targets import relative_status
from bot.drafting.review import Guess
from bot.drafting.sentences import goes_on, routine_kept, tells_results
from bot.drafting.shares import clause_around
from bot.drafting.sized_works import answered_by_done_words
from bot.drafting.time_gone import against_stated_pace, behind_time_gone, said_on_pace
from bot.drafting.words import (
    Reading,
    forecasts_failure,
    late_forecast,
    status_from_words,
    whole_year_done,
)

NEGATIVE_WORDS = ("暂无数据", "未完成", "滞后")


DONE_WORDS = ("已完成", "超额完成")
# A share of the year's task ("完成全年目标任务的92%"): in a report after the year, the
# year's result, though the report names no day.
_SHARE_SAID = re.compile(r"(?:任务|目标|计划)[^，,。；;\d]{0,4}\d+(?:\.\d+)?%|完成率")
# The year's task and, in the same sentence, all of it done ("全年任务为282个村,已全部建设
# 完成"): the words answer the figure itself, though they repeat no figure.
_ALL_OF_TASK = re.compile(
    r"(?:全年|年度)(?:任务|计划|目标)(?:为|是)?\s*\d[^，,。；;]*[，,]\s*(?:已|均已)全部"
    r"[^，,。；;\d]{0,8}?完成"
)


# Done as scheduled ("均能如期完成", "已按期完成"): a verdict on the whole task, not a step of it.
_ON_SCHEDULE = re.compile(r"(?<!未)(?<!不能)(?:如期|按期|按时)(?:完成|建成|完工|办结)")


# All of the work said done ("已全部建成投用", "均已完工并通过验收"): every figure it was set in.
_ALL_DONE = re.compile(
    r"(?:已|已经)?(?:全部|均|全面)(?:已)?(?:建成|竣工|完工|投用|投入使用|交付|建设完成|完成建设)"
)


def _all_of_it_done(told: str, said: str, year: int) -> bool:
    """The words say all the work is done ("已全部建成投用"), in a sentence about the target's
    own year ("2019年…改造任务9个,目前已全部完工" speaks of an earlier batch)."""
    if not _ALL_DONE.search(said):
        return False
    sentence = next((s for s in re.split(r"[。；;\n]", told) if said in s), said)
    return all(int(y) == year for y in re.findall(r"(20\d{2})年", sentence))


def _sized_in_verdict(spec: TargetSpec, said: str) -> bool:
    """Every figure left unanswered sizes the task the verdict is said of ("625个村庄规划编制
    工作已完成"): the verdict answers it."""
    missing = missing_figures(spec)
    at = re.search(r"已", said)
    return bool(missing and at) and all(
        f"{i.target}{i.unit}" in said[: at.start()] for i in missing
    )


# A line naming only offices, as a table's 责任单位 cell does ("区发展改革委、区财政局").
_OFFICES = re.compile(
    r"^\s*(?:[\u4e00-\u9fff]{2,16}(?:委|局|办|中心|社|政府|院|所|队|会|部)[、，,]?)+\s*$"
)


_COUNT_WORDS = ("个", "所", "座", "处", "家", "项", "条", "套", "栋", "间", "支", "部")


def _single_things(spec: TargetSpec) -> bool:
    """Every figure left unanswered sets one thing ("建成区级养老服务中心1个"): words saying
    the thing is done ("已完工并投入使用") answer it."""
    missing = missing_figures(spec)
    return bool(missing) and all(
        i.target == "1" and i.unit in _COUNT_WORDS and i.comparator != "<=" for i in missing
    )


_SMOOTH = re.compile(r"进展顺利|推进顺利|顺利推进")


def _smooth_with_results(spec: TargetSpec, words: Reading) -> bool:
    """The words only say the work goes well, and every figure of the item is a result with no
    target set (the year's results, in a report of them)."""
    return (
        words.value == "推进中"
        and bool(_SMOOTH.search(words.words))
        and bool(spec.indicators)
        and all(i.actual and not i.target for i in spec.indicators)
    )


def _only_money(spec: TargetSpec) -> bool:
    """Every figure left unanswered is the money that qualifies the work ("投资456万元的桥东路
    改造工程"): its size, not an amount of work; words saying the work is done answer it."""
    missing = missing_figures(spec)
    return bool(missing) and all(
        i.unit.endswith("元")
        and re.search(
            rf"投资\s*{re.escape(i.target)}\s*{re.escape(i.unit)}(?:建设)?的", spec.target_text
        )
        for i in missing
    )


def _only_parts_exceed(spec: TargetSpec) -> bool:
    """The figures beyond their targets are all parts of a whole ("其中…"), and the whole
    figures, met, are not beyond theirs."""
    figures = [i for i in spec.indicators if i.comparable]
    parts = [i for i in figures if i.name.startswith("其中")]
    wholes = [i for i in figures if i not in parts]
    return (
        bool(parts and wholes)
        and all(indicator_met(i) and not indicator_exceeded(i) for i in wholes)
        and any(indicator_exceeded(i) for i in parts)
    )


def mark_done(spec: TargetSpec) -> TargetSpec:
    return replace(spec, deadlines=tuple(replace(d, done=True) for d in spec.deadlines))


def _unreported(spec: TargetSpec) -> str:
    return "、".join(f"{i.name}{i.target}{i.unit}" for i in missing_figures(spec))


_STARTED = re.compile(r"开工|启动|动工|开建")
_FINISHED = re.compile(r"建成|竣工|完工|投用|投入使用|交付|完成")
# A target to build or renovate asks for the work finished, not begun.
_BUILD = re.compile(r"新建|建设|改造|改建|扩建|修建|新改扩建|新增")


def begun_not_finished(words: str) -> bool:
    """The words say the work began ("已开工") and not that it was finished."""
    return bool(_STARTED.search(words)) and not _FINISHED.search(words)


def _only_started(target_text: str, words: Reading) -> bool:
    """The words say the work began, and the target asks for it finished."""
    said = words.words
    # An item told in one sentence holds the words in its target's text too.
    target_text = target_text.replace(said, "")
    return bool(
        begun_not_finished(said)
        and (_FINISHED.search(target_text) or _BUILD.search(target_text) or _BUILD.search(said))
        and not _STARTED.search(target_text)
    )


# A further step under way after a stage done ("正在申请省级验收", "现继续进行专项规划编制").
_NEXT_STEP = re.compile(
    r"(?:正在|现正|现继续|继续|正)(?:进行|开展|申请|推进|办理|实施|编制|组织)[^，,。；;]*"
)


def _next_step(told: str, done_words: str) -> str:
    """The words from `done_words` to the clause after them in their sentence that says a
    further step is under way, as written; "" when there is none."""
    at = told.find(done_words)
    if at < 0:
        return ""
    rest = re.split(r"[。；;\n]", told[at + len(done_words) :], maxsplit=1)[0]
    found = _NEXT_STEP.search(rest)
    return told[at : at + len(done_words) + found.end()] if found else ""


# A period short of the year's close ("1-11月", "截止11月份", "前三季度", "上半年").
_PART_OF_YEAR = re.compile(
    r"1\s*[-—至~]\s*(?:[1-9]|1[01])月|截[至止]\s*(?:[1-9]|1[01])月|前[一二三]季度|上半年"
)


def _part_of_the_year(told: str) -> Reading | None:
    """推进中, quoting its sentence, when the progress gives figures of a period short of the
    year's close: a target measured against others ("增速高于全省平均") is judged on the
    year's figures, still to come while the year runs, and the work goes on."""
    for sentence in re.split(r"[。；;\n]", told):
        if _PART_OF_YEAR.search(sentence) and re.search(r"\d(?:\.\d+)?%", sentence):
            return Reading("推进中", sentence.strip(), 0.5)
    return None


# A tally of matters decided at meetings or handed down, with those still being handled
# ("确定事项44项,完成43项,正在办理1项"): the open matters are carried on until closed, not
# failed at the year's end, so the item is under way whatever day the report is of.
_OPEN_MATTERS = re.compile(r"(?:正在办理|仍在办理|在办|办理中)\s*\d+\s*(?:项|件|条)")


def _other_task_goes_on(target_text: str, words: Reading | None) -> bool:
    """The words say a task of the item is still being worked on ("正在研究制定") in a sentence
    of its own, with no figure, and the item sets several tasks (";" between them)."""
    if words is None or words.value != "推进中" or re.search(r"\d", words.words):
        return False
    if not re.search(r"正在|尚在|仍在", words.words):  # "有序推进" says how, of all of it
        return False
    tasks = [t for t in re.split(r"[；;。\n]", target_text) if t.strip()]
    return len(tasks) > 1 and not any(words.words in t and re.search(r"\d", t) for t in tasks)


def draft_status(
    spec: TargetSpec,
    day: dt.date,
    told: str,
    *,
    dated: bool,
    planned: bool = False,
    year_end: bool = False,
    yardstick: bool = False,
    result_cells: bool = False,
) -> tuple[TargetSpec, Guess]:
    """The drafted status of `spec` on `day`, read from `told` (the words of its progress);
    `dated`: the report states the day its progress is as of; `planned`: the item has a
    plan for the month reported on; `year_end`: the report tells the year's results;
    `yardstick`: the report judges shares by the time gone, and files it under no heading
    saying it keeps pace (bot/drafting/time_gone.py); `result_cells`: `told` is a table row's
    result cells, whose figures are results however worded."""
    comparable = any(i.comparable for i in spec.indicators)
    words = None if comparable else relative_status(spec.target_text, told)
    if words is not None and words.value == "暂无数据" and day <= final_deadline(spec, day):
        words = _part_of_the_year(told) or words  # after the year, its figures are missing
    words = (
        words
        or late_forecast(told, final_deadline(spec, day).year)
        or gap_status(told, spec.target_text)
        or gap_above(told, spec.target_text)
        or level_with_plan(told)
        or against_stated_pace(told)  # "完成年度计划的58%,序时进度为75%"
        or status_from_words(told)
    )
    if year_end and words is not None and _smooth_with_results(spec, words):
        # "…减排工程推进顺利,…减排量经核定为77.76%" at the year's close: the work went well and
        # the year's results are given; nothing is said to remain.
        words = Reading("已完成", f"年度完成情况报告列出的成果，称“{words.words}”", 0.5)
    if (
        words is not None
        and words.value == "推进中"
        and dated
        and yardstick
        and final_deadline(spec, day).year == day.year  # not a goal of several years
        and not said_on_pace(told)
    ):
        # "占年计划的41.8%" at the end of June, in a report counting items short of "双过半":
        # short of the half year gone, so one of them.
        words = behind_time_gone(words.words, day) or words
    if words is not None and words.value in ("未完成", "滞后") and part_behind(words.words):
        # "超序时进度10.95个百分点" beside "未达序时进度项目3项为:…": the whole keeps pace, some
        # of its projects lag; the whole's verdict is the item's.
        # "达到序时进度的项目7个,未达到序时进度项目6个": most of its projects keep pace.
        ahead = whole_on_pace(f"{spec.target_text}\n{told}", day) or tallied_pace(told)
        words = Reading("推进中", ahead, 0.6) if ahead else words
    if words is not None and words.value == "已完成" and _only_started(spec.target_text, words):
        # "已开工" answers a target to build ("建成投用…"): begun, not done.
        words = replace(words, value="推进中", confidence=0.6)
    if words is not None and words.value == "已完成" and not whole_year_done(told):
        step = _next_step(told, words.words)
        if step:  # "已全部通过市级验收,正在申请省级验收": one stage done, the next under way
            words = Reading("推进中", step, 0.6)
    if words is not None and words.value == "已完成" and planned and not whole_year_done(told):
        # Beside a month's plan, "已完成" says the month's plan is done, not the target.
        words = replace(words, value="推进中", confidence=0.5)
    open_matters = _OPEN_MATTERS.search(told)
    if open_matters and (words is None or words.value == "推进中"):
        words = Reading(
            "推进中", clause_around(told, open_matters.start(), open_matters.end()), 0.6
        )
    if (
        words is not None
        and not open_matters
        and words.value in ("推进中", "滞后")
        and (dated or year_end and _SHARE_SAID.search(words.words))
        and day > final_deadline(spec, day)
    ):
        # ("尚未开工" or "进展缓慢" in a report of the year's close: not behind, not done.)
        # Still under way on a day the report states, after its deadline: not done in time.
        # (A report without its day is judged at the year's close, which its words may predate.)
        words = replace(words, value="未完成", confidence=min(words.confidence, 0.6))
    if (
        words is not None
        and words.value == "未完成"
        and day <= final_deadline(spec, day)
        and not forecasts_failure(words.words)
    ):
        # Not done while time remains ("未完成建设任务的县区为…" in July): behind, not failed;
        # unless the words say it will not be done ("年底前不能全部完成").
        words = replace(words, value="滞后")
    if (
        words is not None
        and words.value in DONE_WORDS
        and not any(indicator_met(i) is False for i in targeted_indicators(spec))
        and answered_by_done_words(spec, told)
    ):
        # "建成各类养殖小区300个;全株玉米青贮工作全部完成" for "…和50万吨饲草青贮": the
        # figures given are met, the words say all the work of those not given is done.
        exceeded = words.value == "超额完成" or any(
            indicator_exceeded(i) for i in spec.indicators if i.comparable
        )
        status, reason = "超额完成" if exceeded else "已完成", f"报告称“{words.words}”"
        spec = mark_done(replace(spec, status_override=status, status_reason=reason))
        return spec, Guess("status", status, min(words.confidence, 0.7), reason)
    if (
        words is not None
        and words.value in DONE_WORDS
        and _single_things(spec)
        and not any(indicator_met(i) is False for i in targeted_indicators(spec))
    ):
        # "建成1个城市公益性公墓" / "…公墓,已完成施工": the one thing is done, its count is 1.
        missing = missing_figures(spec)
        spec = replace(
            spec,
            indicators=tuple(
                replace(i, actual=i.target) if i in missing else i for i in spec.indicators
            ),
        )
    # A draft says 未完成 only on evidence: a figure that misses, or words that say so.
    unproven = bool(missing_figures(spec)) and not any(
        indicator_met(i) is False for i in targeted_indicators(spec)
    )
    if words is not None and words.value in DONE_WORDS:
        # The report says the work is done, so its deadlines are done.
        spec = mark_done(spec)
        whole = whole_year_done(told)
        if whole and not any(indicator_met(i) is False for i in targeted_indicators(spec)):
            # "提前完成年度任务": the year's target is done; a figure beyond it is more, and
            # "超额完成全年任务" says so whatever other figures the item leaves unanswered.
            exceeded = words.value == "超额完成" or any(
                indicator_exceeded(i) for i in spec.indicators if i.comparable
            )
            status = "超额完成" if exceeded else "已完成"
            reason = f"报告称“{whole}”"
            spec = replace(spec, status_override=status, status_reason=reason)
            return spec, Guess("status", status, 0.8, reason)
        if (
            words.value == "已完成"
            and unproven
            and (not dated or day > final_deadline(spec, day))
            and not _ALL_OF_TASK.search(told)
            and not _ON_SCHEDULE.search(words.words)
            and not _all_of_it_done(told, words.words, final_deadline(spec, day).year)
            and not _sized_in_verdict(spec, words.words)
            and not _single_things(spec)
            and not _only_money(spec)
        ):
            # Done, but the figures that would prove it are missing: the rules say 暂无数据.
            status = compute_status(spec, day)
            reason = f"报告称“{words.words}”，但未给出{_unreported(spec)}的完成数"
            return spec, Guess("status", status, min(words.confidence, 0.6), reason)
    own = restated_task_verdict(spec, told) if words is None and unproven else None
    if own is not None:  # "年度任务目标8.65亿元,累计完成投资11.3亿元" beside "完成工程量30%"
        spec = mark_done(replace(spec, status_override=own.value, status_reason=own.words))
        return spec, Guess("status", own.value, own.confidence, own.words)
    if words is None and unproven and day > final_deadline(spec, day):
        # Its time is over and the report does not give the figures it was set in.
        reason = f"报告未给出{_unreported(spec)}的完成数"
        spec = replace(spec, status_override="暂无数据", status_reason=reason)
        return spec, Guess("status", "暂无数据", 0.5, reason)
    if comparable and (words is None or words.value not in NEGATIVE_WORDS):
        status = compute_status(spec, day)
        if status in DONE_WORDS and _other_task_goes_on(spec.target_text, words):
            # "…调增基础养老金5元,完成年度调整任务;…保障制度正在研究制定": the figures are met,
            # another task of the item, told without a figure, is still under way.
            reason = f"指标已达到，但报告称“{words.words}”"
            spec = replace(spec, status_override="推进中", status_reason=reason)
            return spec, Guess("status", "推进中", 0.5, reason)
        if status == "未完成" and not dated and words is not None and words.value == "推进中":
            # A report that states no day, its words saying the work goes on ("新风系统在招投标
            # 中"): short of the target so far, not failed at a year's close it may predate.
            reason = f"报告未写日期，称“{words.words}”"
            spec = replace(spec, status_override="推进中", status_reason=reason)
            return spec, Guess("status", "推进中", 0.5, reason)
        behind = growth_behind(spec) if status == "推进中" and dated else None
        if behind is not None:  # a rate so far below the year's: behind, whatever the date
            spec = replace(spec, status_override="滞后", status_reason=behind.words)
            return spec, Guess("status", "滞后", behind.confidence, behind.words)
        if status == "超额完成" and _only_parts_exceed(spec):
            # "搬迁18695人,其中贫困人口14861人" met as 18695 (其中16449): the whole is met as
            # set; its part's make-up changed, no more work was done.
            reason = "总数按目标完成，仅“其中”部分超出"
            spec = replace(spec, status_override="已完成", status_reason=reason)
            return spec, Guess("status", "已完成", 0.6, reason)
        if words is not None and words.value == "超额完成" and status == "已完成":
            # "已超额完成改建797路的建设任务": the words say more than the figures show.
            reason = f"报告称“{words.words}”"
            spec = replace(spec, status_override="超额完成", status_reason=reason)
            return spec, Guess("status", "超额完成", words.confidence, reason)
        return spec, Guess("status", status, 0.8, "按指标数字计算")
    echo = "".join(ln for ln in told.split("\n") if not _OFFICES.match(ln)).strip(" 。.，,；;")
    whole = spec.target_text.strip(" 。.，,；;")
    if words is None and echo and echo in whole and echo != whole and not comparable:
        # The progress only repeats words of the target ("智能网联新能源汽车" under "加快推进
        # 智能网联新能源汽车零部件产业…", a cell cut short): it tells nothing.
        reason = f"进展只有“{echo}”，重复了目标的字样，未写进展"
        spec = replace(spec, status_override="暂无数据", status_reason=reason)
        return spec, Guess("status", "暂无数据", 0.4, reason)
    if (
        words is None
        and year_end
        and not missing_figures(spec)
        and (tells_results(told) or result_cells and not goes_on(told) or routine_kept(told))
        and (spec.target_text.strip() in told or not goes_on(_SMOOTH.sub("", spec.target_text)))
    ):
        # A report of the year's results lists what was done ("建成老年食堂12个"), with no
        # target to hold it to: the office counts it done; not a task that goes on ("加快推进").
        reason = f"年度完成情况报告列出的成果：“{(echo or told.strip())[:40]}”"
        spec = mark_done(replace(spec, status_override="已完成", status_reason=reason))
        return spec, Guess("status", "已完成", 0.5, reason)
    if words is None and told.strip():
        # Progress written, no verdict in it: still under way as the report tells it.
        reason = "报告有进展但未写明是否完成"
        spec = replace(spec, status_override="推进中", status_reason=reason)
        return spec, Guess("status", "推进中", 0.4, reason)
    if words is None and day > final_deadline(spec, day):
        # Nothing reported on a target whose time is over: no data, not a failure.
        reason = "报告没有这一项的进展文字"
        spec = replace(spec, status_override="暂无数据", status_reason=reason)
        return spec, Guess("status", "暂无数据", 0.3, reason)
    if words is None:
        status = compute_status(spec, day)
        return spec, Guess("status", status, 0.3, "报告没有进展文字，按规则计算")
    reason = f"报告称“{words.words}”"
    spec = replace(spec, status_override=words.value, status_reason=reason)
    return spec, Guess("status", words.value, words.confidence, reason)
