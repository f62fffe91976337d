"""Draft a ledger from a progress report: `draft_report` reads it into a `Draft`, guessing
each target's fields; bot.drafting.review writes the TOML with its review comments and says
what a person should check first.

Every guessed field carries a confidence (0–1) and the words it relied on; a field below
`DOUBTFUL` (bot.drafting.review) is marked `# 待核：…` in the TOML.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from bot.domain.ledger import LedgerSpec, TargetSpec
from bot.drafting.adjusted_targets import adjusted_targets
from bot.drafting.bare_counts import without_bare_counts, without_cut_ages
from bot.drafting.borrowed_subjects import borrowed_subjects
from bot.drafting.cells import header_labels, read_cells
from bot.drafting.columns import header_above
from bot.drafting.copy_ends import breaks_off
from bot.drafting.counted_runs import (
    counted_runs,
    first_items_counted,
    own_doubt,
    under_a_done_list,
    unjoined,
    whole_list_done,
)
from bot.drafting.deadlines import extract_deadlines, group_deadlines
from bot.drafting.distinct_titles import sections_of, titles_told_apart
from bot.drafting.done_parts import summed_parts
from bot.drafting.fund_lines import without_fund_shares
from bot.drafting.groups import inherited_status
from bot.drafting.indicator_names import plainly_named
from bot.drafting.items_day import items_day
from bot.drafting.named_laggards import laggards_named
from bot.drafting.naming import (
    Departments,
    aliases_for,
    category_for,
    title_for,
    topic_for,
    units_for,
)
from bot.drafting.node_columns import missed_node
from bot.drafting.own_lines import answers_itself, says_done_itself
from bot.drafting.pairing import pair_indicators
from bot.drafting.pending_counts import short_figure_keeps_open
from bot.drafting.place_titles import titles_of_places
from bot.drafting.plan_shares import plans_answered_by_shares
from bot.drafting.progress_rows import progress_shown
from bot.drafting.rate_bases import based_rates, rates_over_targets
from bot.drafting.report_dates import guess_year, report_day, reports_year_end, tells_progress
from bot.drafting.review import Draft, Guess
from bot.drafting.row_verdicts import (
    latest_progress,
    lead_cell,
    result_first,
    row_cells,
    row_verdict,
    status_column,
    status_mark,
)
from bot.drafting.rows import pair_rows
from bot.drafting.run_verdicts import run_verdicts
from bot.drafting.same_titles import same_titles
from bot.drafting.sentences import (
    answers_with_rate,
    line_tells_progress,
    measured_result,
    results_with_parts,
    split_sentence,
    states_years_value,
    task_then_verdict,
    tells_results,
    told_as_done,
    told_by_field,
    without_introductions,
)
from bot.drafting.share_pairs import pair_left_shares, shares_of_one_target
from bot.drafting.share_proofs import (
    lead_plans_answered,
    reseated_by_shares,
    shares_of_other_amounts,
)
from bot.drafting.shares import SHARE_NAME, shares_of_unwritten_targets
from bot.drafting.stage_sections import stages_done
from bot.drafting.statuses import DONE_WORDS, draft_status, mark_done
from bot.drafting.sub_lists import tasks_paired
from bot.drafting.sub_pairs import parts_told_with_their_plans
from bot.drafting.table_leads import (
    behind_as_named,
    header_with_lead_units,
    header_with_table_unit,
    met_by_lead_rate,
    named_as_behind,
    rate_floors,
    row_names,
)
from bot.drafting.text_figures import extract_figures
from bot.drafting.time_gone import counts_laggards, said_on_pace
from bot.drafting.title_mends import whole_quoted_names
from bot.drafting.title_topics import topics_from_titles
from bot.drafting.uniform_columns import without_uniform_column
from bot.drafting.unit_slips import read_unit_slips, status_as_meant
from bot.drafting.wholes_and_parts import whole_part_pairs
from bot.drafting.words import Reading, status_from_words
from bot.understanding.lexicon import FieldLexicon

_BROKEN_CLAUSE = re.compile(r"[^，,、；;。\n|]*$")
_FIGURE_AT_END = re.compile(r"\d(?:\.\d+)?[万亿]?\s*$")


def _has_actuals(spec) -> bool:
    """Some indicator of `spec` has a figure done."""
    return any(i.actual for i in spec.indicators)


def draft_target(
    item,
    year: int,
    day: dt.date,
    lexicon,
    departments,
    tokenizer,
    *,
    progress_report: bool,
    header: tuple[str, ...] = (),
    dated: bool | None = None,
    cut: bool = False,
    year_end: bool = False,
    list_done: Reading | None = None,
    own_lines: bool = False,
    verdict: Reading | None = None,
    lead_header: tuple[str, ...] = (),
    yardstick: bool = False,
    lead: str = "",
):
    """One target's draft and its guesses (`progress_report`: the report tells progress;
    `dated`: it states the day its progress is as of, by default when it tells progress;
    `header`: the column names of a table report; `cut`: the copy breaks off in it;
    `year_end`: the report tells the year's results; `list_done`: its opening says the whole
    list is done; `own_lines`: most of its items have no progress apart from their line;
    `lead_header`: the header its row is under, read only for the 责任单位 column;
    `yardstick`: the report counts its items short of the time gone; `lead`: the report's
    opening, whose plan figures an item's share may prove its target)."""
    guesses: list[Guess] = []
    dated = progress_report if dated is None else dated
    item = replace(item, progress_text=without_introductions(item.progress_text))
    # "【已完成】新建…", "…退出。【已完成】（牵头：县工信局）"
    target_text, marked, lead_aside = status_mark(item.target_text)
    item = replace(item, target_text=target_text)
    if progress_report and not dated and not item.progress_text.strip():
        # A report of progress that states no day: a line of its own tells progress only in
        # words of what was done ("已全部建设完成", "实际改造4559户", "完成年度任务的100%").
        progress_report = line_tells_progress(item.target_text, results=year_end and own_lines)
    row = row_cells(item.target_text, item.progress_text, header)  # row_verdicts.py
    raw_target, raw_progress = item.target_text, item.progress_text
    cells = read_cells(item.target_text, item.progress_text, header)
    item = replace(item, target_text=cells.target_text, progress_text=cells.progress_text)
    # An item's own line tells what was done, whatever lines follow it, when it gives shares
    # of a target it does not write ("建成停车位22.72万个,占年度任务的113.6%。") or sets a
    # target and how much of it was done ("计划达到53亿元,截至三季度末,…已达65.5亿元").
    own_line = (
        progress_report
        and bool(item.progress_text.strip())
        and not item.one_sentence
        and (shares_of_unwritten_targets(item.target_text) or answers_itself(item.target_text))
    )
    if cells.rows:
        pairings = pair_rows(cells.rows)
    elif progress_report and (
        answers_with_rate(item.progress_text)
        or (year_end and states_years_value(item.target_text))
        or (dated and results_with_parts(item.target_text, item.progress_text))
    ):  # "完成率200%;…", "2017年…总量为888.55万吨", "1-9月…同比增长2%。其中:…": results
        pairings = pair_indicators("", f"{item.target_text}\n{item.progress_text}")
    elif (progress_report and not item.progress_text.strip()) or item.one_sentence or own_line:
        # One sentence tells the target and what was done ("共铺开梯田3.9万亩,完成3.5万亩").
        sentence = f"{item.target_text}{item.progress_text}" if item.one_sentence else ""
        sentence = sentence or item.target_text
        target_words, done_words = split_sentence(sentence)
        if shares_of_unwritten_targets(sentence):
            # "城镇新增就业6.99万人…,分别完成目标任务的97.1%…": the targets go unwritten; the
            # item's figures are what was done, its shares how that compares.
            pairings = [
                p
                for p in pair_indicators("", sentence)
                if not (p.indicator.unit == "%" and SHARE_NAME.search(p.indicator.name))
            ]
        elif done_words:
            pairings = pair_indicators(target_words, done_words)
        elif progress_report and any(task_then_verdict(sentence)):
            pairings = pair_indicators(*task_then_verdict(sentence))  # "625个村庄…已完成"
        elif progress_report and (
            told_as_done(sentence)
            or ((year_end or dated and told_by_field(sentence)) and tells_results(sentence))
            or (dated and measured_result(sentence))
        ):
            pairings = pair_indicators("", sentence)  # no target written: what was done
        else:
            pairings = pair_indicators(sentence, "")
        if own_line:  # "其中…项目总投资12.39亿元,已完成投资1.4亿元": a part's own pair
            taken = {p.indicator.name for p in pairings}
            pairings += parts_told_with_their_plans(item.progress_text, taken)
        told_parts = whole_part_pairs(sentence) if progress_report else []
        if told_parts and not any(p.indicator.target and p.indicator.actual for p in pairings):
            pairings = told_parts  # "重建的1187户已竣工1128户": the whole and its part done
    elif told_pairs := tasks_paired(item.progress_text):
        pairings = told_pairs  # "市定任务" over "1、…18个;", "工作进展情况" over "1、…18个,…"
    else:
        pairings = pair_indicators(item.target_text, item.progress_text)
        planned, done = split_sentence(re.split(r"[。\n]", item.progress_text.strip())[0])
        if done and _PLAN_WORDS.search(planned) and not extract_figures(item.target_text):
            # A heading without figures over a sentence of plan and result ("停车泊位供给有效" /
            # "全年计划新增1100个车位,已完成1008个"): the plan's figure is the target.
            # Only clauses naming the plan set it: "共召开会议5次" before "确定事项39项" counts
            # what was held, not a target.
            clauses = re.findall(r"[^，,；;。]+[，,；;。]?", planned)
            plan = "".join(c for c in clauses if _PLAN_WORDS.search(c))
            held = "".join(c for c in clauses if not _PLAN_WORDS.search(c))
            pairings = pair_indicators(f"{item.target_text}\n{plan}", f"{held}{done}")
    texts = f"{item.target_text}\n{item.progress_text}"
    pairings = shares_of_one_target(read_unit_slips(pair_left_shares(pairings)), texts)
    pairings = adjusted_targets(pairings, item.progress_text)  # "由X亿元调整为Y亿元"
    pairings = summed_parts(pairings, item.progress_text)  # "3所…已交付使用,10所已竣工"
    pairings = based_rates(pairings)  # "项目80个…已完工66所,完工率达82.5%"
    pairings = rates_over_targets(pairings, texts)  # "列入17个,…已开工16个,开工率达94.12%"
    pairings = plans_answered_by_shares(pairings, item.progress_text)  # "…计划的159.3%"
    pairings = reseated_by_shares(pairings, texts)  # "年内计划投资…,完成年度计划的62.4%"
    pairings = lead_plans_answered(pairings, texts, lead)  # the lead's "年度计划投资…"
    pairings = shares_of_other_amounts(pairings, texts)  # "107个,完成投资…,完成年度计划的X%"
    pairings = without_cut_ages(without_bare_counts(pairings, texts))  # "涉及指标12个"
    pairings = plainly_named(pairings, texts)
    for p in pairings:
        if p.indicator.target and p.indicator.actual:
            guesses.append(Guess("pairs", p.indicator.name, p.confidence, p.why))
    # The funds handed down ("省级财政补助资金下达…") name who pays, not the target's field.
    own_words = without_fund_shares(item.target_text, item.progress_text)
    topic, topic_confidence = topic_for(item.target_text, own_words, lexicon)
    category = category_for(topic, topic_confidence, item.target_text)
    guesses.append(Guess("category", category.value, category.confidence, category.words))
    title = whole_quoted_names(
        title_for(item.target_text, tokenizer, lexicon.abbreviations), item.target_text
    )
    if not title.value.strip():  # a title is required; a person names this one
        title = Reading(f"目标{item.number}", "未能从目标文字取出简称", 0.1)
    if cut and not item.progress_text.strip() and item.target_text.endswith(title.value):
        # The copy breaks off inside the name ("新开办10所公办幼"): shown cut, for a person.
        title = Reading(f"{title.value}…", "报告在这一项中断，简称不全", 0.2)
    guesses.append(Guess("title", title.value, title.confidence, title.words))
    # A 责任单位 column names the lead, also under a header the rows' reading does not use.
    lead = lead_cell(row_cells(raw_target, raw_progress, lead_header or header)) or lead_aside
    texts = f"{lead}{item.target_text}\n{own_words}"
    units, lead = units_for(texts, topic, departments, topic_confidence)
    guesses.append(Guess("units", lead.value, lead.confidence, lead.words))
    deadlines = extract_deadlines(item.target_text, year, cells.plan_text)
    named = any(d.text in item.target_text for d in deadlines)
    dates = "、".join(d.date.isoformat() for d in deadlines)
    why = "目标中写明" if named else "未写时限，按年底"
    guesses.append(Guess("deadlines", dates, 0.9 if named else 0.7, why))
    target_text = item.target_text
    if not target_text.strip():  # the ledger requires one; a person writes it in review
        target_text = f"（待填写：报告第{item.line}行的第{item.number}项没有目标文字）"
        guesses.append(Guess("target_text", "", 0.0, "报告中这一项没有目标文字"))
    spec = TargetSpec(
        number=item.number,
        title=title.value,
        category=category.value,
        target_text=target_text,
        progress_text=progress_shown(
            cells.plan_text, raw_progress, item.progress_text, row, units
        ),
        same_line=item.same_line,
        units=units,
        deadlines=tuple(deadlines),
        indicators=tuple(p.indicator for p in pairings),
        aliases=aliases_for(item.target_text, lexicon, tokenizer, title.value),
    )
    # An item of a progress report written in one sentence ("…开工建设78村,完成44村") tells
    # its progress in its own words; an item of a list of targets tells none.
    told = latest_progress(
        item.progress_text or (item.target_text if progress_report else ""), row
    )
    if own_line or (progress_report and item.progress_text and says_done_itself(item.target_text)):
        told = f"{item.target_text}\n{told}"
    told = without_fund_shares(item.target_text, told)  # "资金下达X亿元,完成年度计划的Y%"
    # A yes/no column of its row, else a status heading above it (groups.py), decides.
    decided = (
        row_verdict(row, spec, told, day)
        or status_column(raw_target, raw_progress, header)
        or missed_node(raw_target, header, day)  # "一季度目标任务" above "一季度完成投资"
        or marked
        or verdict
        or inherited_status(item, spec, day)
        or status_as_meant(spec, day)  # "目标8.65亿元,累计完成投资11.3元"
    )
    if decided is None and progress_report and not item.progress_text.strip():
        decided = result_first(item.target_text)
    if cut and told.strip() and (not _FIGURE_AT_END.search(told) or not _has_actuals(spec)):
        # The clause the copy breaks off in ("已完成闹村", "印发《杭州") says nothing yet; one
        # broken off after its figure ("完成宫颈癌筛查12.39万") has said what was done, unless
        # its figures are all targets ("目标值分别为3.9%和4"): cut before any progress.
        told = _BROKEN_CLAUSE.sub("", told).rstrip()
        if decided is None and list_done is None and not told.strip(" ，,、；;。|"):
            decided = Reading("暂无数据", "报告在这一项中断，未写出进展", 0.3)
    if (
        decided is None
        and list_done is not None
        and not told.strip(" ，,、；;。|")
        and not own_doubt(item.target_text)
    ):
        # Nothing of its own, under an opening that says every item is done.
        decided = replace(list_done, words=f"报告开头称“{list_done.words}”")
    if decided is None:
        spec, status = draft_status(
            spec,
            day,
            told,
            dated=dated,
            planned=bool(cells.plan_text),
            year_end=year_end,
            yardstick=yardstick and not (item.group and said_on_pace(item.group.heading)),
            result_cells=bool(cells.rows) and all(r.actuals for r in cells.rows),
        )
        if list_done is not None and status.value in ("推进中", "暂无数据"):
            spec, status = under_a_done_list(spec, status, told, list_done)
    else:
        spec = replace(spec, status_override=decided.value, status_reason=decided.words)
        spec = mark_done(spec) if decided.value in DONE_WORDS else spec
        status = Guess("status", decided.value, decided.confidence, decided.words)
    guesses.append(status)
    return short_figure_keeps_open(spec), tuple(guesses)


# Words of a plan, or of matters decided or handed down to be done ("确定事项39项,完成39项"):
# a whole whose figure the figures done after it answer.
_PLAN_WORDS = re.compile(r"计划|目标|任务|(?:确定|议定|交办|督办|部署)的?事项")


def draft_report(
    report,
    text: str,
    *,
    lexicon: FieldLexicon,
    departments: Departments,
    tokenizer,
    fallback_year: int,
    year: int | None = None,
    today: dt.date | None = None,
) -> Draft:
    """The draft ledger of a parsed report (`text` is the whole report, for the year)."""
    year_reading = (
        Reading(str(year), "命令行指定", 1.0) if year else guess_year(text, fallback_year)
    )
    ledger_year = int(year_reading.value)
    heading = report.preamble or text.split("\n", 1)[0]
    as_of = report_day(heading, ledger_year) or items_day(heading, report.targets, ledger_year)
    # A report that states no day, drafted inside its year, is of that year so far: it cannot
    # tell the year's close ("按时序推进" in a July table is not the year's result).
    during = today if today and today.year == ledger_year else None
    day = as_of or during or dt.date(ledger_year + 1, 1, 1)
    # A report of the year's results: its heading says so, the day it is as of is the year's
    # last, or it names no period and comes in the year's last month or after the year
    # ("去年承诺的15件…全完成了"; xiping's and xinjian's year-end reports came on 31 December).
    year_end = reports_year_end(heading) or (
        as_of >= dt.date(ledger_year, 12, 31)
        if as_of
        else bool(today and (today.year > ledger_year or today.month == 12))
    )
    targets, guesses = [], {}
    report = replace(report, targets=without_uniform_column(report.targets))  # "| 100 |"
    header = header_labels(report.preamble)
    lines = text.split("\n")
    header = header_with_lead_units(header, report.preamble, lines)
    header = header_with_table_unit(header, report.preamble)
    run_words = run_verdicts(report.targets)  # "A、B、C等项目已生产": each name's words
    counted = counted_runs(report.targets)  # "A、B及C3个项目全面完成任务": likewise
    list_done = whole_list_done(report.preamble, len(report.targets))
    first = first_items_counted(report.preamble, report.targets)  # "A、B等5项已完成" over 1-5
    counted_first = {t.number for t in report.targets[: first[0]]} if first else set()
    cut = breaks_off(report.targets)
    behind = named_as_behind(report.preamble, row_names(report.targets))
    # "存在问题 … 进展偏慢。如A、B": items named again as the problem's examples.
    behind = laggards_named(lines, report.targets) | behind
    floors = rate_floors(report.preamble) if header else []  # "投资完成率达到50%及以上"
    own_lines = 2 * sum(not t.progress_text.strip() for t in report.targets) > len(report.targets)
    for item in report.targets:
        if item.number in run_words:
            # A name of the run is the item's text, without the joiner to the next name.
            item = replace(
                item, target_text=unjoined(item.target_text), progress_text=run_words[item.number]
            )
            # The run's last name holds the run's words after its "等": its name ends there.
            closed = item.target_text.rfind("等")
            if closed > 0 and run_words[item.number] in item.target_text[closed:]:
                item = replace(item, target_text=item.target_text[:closed])
        if item.number in counted:
            member = counted[item.number]
            item = replace(item, target_text=member.name, progress_text=member.words)
        verdict = None
        if item.details:
            # The list's own verdict on the item ("9项事项正在有序推进") is the office's; the
            # section's figures tell how far, under it.
            said = status_from_words(item.progress_text)
            verdict = said and replace(said, words=f"报告称“{said.words}”")
            item = replace(item, progress_text=f"{item.progress_text}\n{item.details}")
        spec, found = draft_target(
            item,
            ledger_year,
            day,
            lexicon,
            departments,
            tokenizer,
            progress_report=as_of is not None or tells_progress(heading, text),
            header=header,
            lead_header=header or header_above(lines, item.line),
            dated=as_of is not None or reports_year_end(heading),
            cut=cut and item is report.targets[-1],
            year_end=year_end,
            list_done=list_done or (first[1] if first and item.number in counted_first else None),
            own_lines=own_lines,
            yardstick=counts_laggards(text, report.targets),
            verdict=verdict,
            lead=report.preamble,
        )
        spec, found = behind_as_named(spec, found, behind.get(item.number), day)
        spec, found = met_by_lead_rate(spec, found, floors, day)
        targets.append(spec)
        guesses[item.number] = found
    targets = group_deadlines(targets, ledger_year)
    sections = sections_of(report.targets, text.split("\n"))
    targets, guesses = stages_done(targets, guesses, sections)  # "…已完成前期工作" under 前期
    targets, guesses = borrowed_subjects(targets, guesses)  # "完成投资…" under "47个…"
    targets, guesses = titles_of_places(targets, guesses, report.preamble, tokenizer, lexicon)
    targets, guesses = titles_told_apart(targets, guesses, sections, tokenizer, lexicon)
    targets, guesses = same_titles(targets, guesses, report.targets, text.split("\n"), tokenizer)
    targets, guesses = topics_from_titles(targets, guesses, lexicon, departments)
    ledger = LedgerSpec(
        year=ledger_year,
        title=f"{ledger_year}年工作责任目标",
        preamble=report.preamble,
        targets=tuple(targets),
        default_deadline=dt.date(ledger_year, 12, 31),
    )
    return Draft(
        ledger=ledger, year=year_reading, as_of=as_of, guesses=guesses, imported_on=during
    )
