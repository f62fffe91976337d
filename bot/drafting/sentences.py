"""How one free-text progress sentence divides into what was planned and what was done.

An item of a report often tells its target and its progress in the same sentence
("共铺开梯田3.9万亩,完成3.5万亩"); this module owns the reading of such sentences by their
clauses, and the test for progress that opens with a completion rate.
"""

from __future__ import annotations

import re

from bot.drafting.text_figures import extract_figures

_FIGURE = re.compile(r"\d")


# In one sentence of a progress report, a clause whose figure follows words of achievement
# ("完成3.5万亩", "累计完成投资370万元") gives an actual, and one whose figure follows words of
# a whole or a plan ("共铺开梯田3.9万亩", "年度目标5000人") gives a target.
# ("实际利用外资", "实际使用外资" name a measure; "实际完成", "实际新增" report one.)
_ACHIEVED_BEFORE = re.compile(r"^[^\d]*?(?:已|累计|完成|实现|达到|建成|实际(?!利用|使用))[^\d]*\d")
_PLANNED_BEFORE = re.compile(r"^[^\d]*?(?:共|总|计划|目标|任务|全年|年度)[^\d]*\d")
_CLAUSE = re.compile(r"[^，,；;。]+[，,；;。]?")
# A verb of doing under a plan ("投资计划达到53亿元", "目标完成500户"): the target.
_PLANNED_VERB = re.compile(r"^[^\d]*?(?:计划|目标|任务)[^\d，,。；;]{0,2}(?:达到|完成|实现|建成)")


# A rate with no word of a plan ("拨付率100%", "到位率98.5%"): after a clause of work done,
# how far that work has got, not a target.
_RATE_OF_IT = re.compile(
    r"^[^\d，,；;。计划目标任务全年度]{0,8}率(?:为|达到|达)?\s*\d+(?:\.\d+)?\s*[%％]"
)


# One clause naming its whole and then what of it is done, in the same unit ("20公里休闲步行道
# 已完成7.42公里"): two clauses, the whole's and the result's.
_DONE_INSIDE = re.compile(r"(?<=[^\d，,；;。])(?=(?:现)?已(?:完成|建成|新增|改造|实施)?\s*\d)")


# The year's target written inside the share of it done ("完成全年23万人目标任务的95.17%",
# "占年度1.2万户计划的88%", "为年度计划12亿元的105%"): the figure is the target.
_TARGET_IN_SHARE = re.compile(
    r"(?P<lead>(?:完成|占|为|达到?)[^\d，,。；;]{0,4}?(?:全年|年度))"
    # the label after the figure ("全年23万人目标任务的") or before it ("年度计划12亿元的")
    r"(?P<before>(?:目标任务|目标|任务|计划)数?)?"
    r"(?P<figure>\d+(?:\.\d+)?\s*[^\d\s，,。；;的]{1,4}?)"
    r"(?P<label>(?(before)|的?(?:目标任务|目标|任务|计划)数?))的\s*\d+(?:\.\d+)?\s*[%％]"
)


def _target_of_share(clause: str) -> str:
    """The clause with its share rewritten as the target it is of ("完成全年23万人目标任务的
    95%" → "全年目标任务23万人"); "" when it writes no target inside a share."""
    inside = _TARGET_IN_SHARE.search(clause)
    if inside is None:
        return ""
    lead, before, figure, label = inside.group("lead", "before", "figure", "label")
    # The share restates the pair the figures make, so it goes.
    words = f"{lead[-2:]}{before or label}{figure}"
    return f"{clause[: inside.start()]}{words}{clause[inside.end() :]}"


def _clauses(text: str) -> list[str]:
    found = []
    for clause in _CLAUSE.findall(text):
        target = _target_of_share(clause)
        if target:
            found.append(target)
            continue
        cut = _DONE_INSIDE.search(clause)
        head = clause[: cut.start()] if cut else ""
        if cut and _FIGURE.search(head) and _units(head) & _units(clause[cut.start() :]):
            found += [head, clause[cut.start() :]]
        else:
            found.append(clause)
    return found


# The period a clause's result is of, before it ("截至9月底完成4200人", "1-10月新增…").
_PERIOD = (
    r"(?:截至|截止)(?:到)?\s*(?:20\d{2}年)?\d{1,2}月(?:\d{1,2}日|底|末|份)?"
    r"|(?:20\d{2}\s*年度?)?(?:1|元|一)\s*月?[-—至~]\s*(?:\d{1,2}|[二三四五六七八九十]{1,3})月份?"
)
_PERIOD_GONE = re.compile(rf"^\s*(?:{_PERIOD})")
# A plan for the period ("1-9月计划完成8亿元", "1-9月目标…"), not its result.
_PLAN_WORD = re.compile(r"^[^\d]*?(?:计划|目标|任务)")
# ... or the year it is of ("2031年全市新增…").
_AS_OF_LEAD = re.compile(rf"^\s*(?:{_PERIOD}|20\d{{2}}\s*年度?(?!\d))\s*[,，]?")
# A day inside a clause ("经督办后于11月底已拨付703.8万元"): when the work was done, no figure.
_DAY = re.compile(r"\d{1,2}月(?:\d{1,2}日|底|末|份|[上中下]旬)?")


def _days_out(clause: str) -> str:
    return _DAY.sub("", _AS_OF_LEAD.sub("", clause))


# "正在办理20项" after "完成385项": the rest of the work, still under way, told beside what
# was done; not a figure set as a plan.
_GOES_WITH_THE_CLAUSE_BEFORE = (
    "其中", "其余", "剩余", "余下", "另有", "尚有", "还有", "正在", "仍在",
    "在建",  # "已建成3所,在建2所": the rest, being built
)  # fmt: skip


def split_sentence(text: str) -> tuple[str, str]:
    """(target words, progress words) of an item that tells both in one sentence; ("", "")
    when its clauses are not of both kinds."""
    targets, actuals = [], []
    side = targets
    clauses = _CLAUSE.findall(text)
    shares = [_target_of_share(c) for c in clauses]
    if any(shares):
        # The target written inside its share: the sentence's other figures are what was done.
        for clause, target in zip(clauses, shares, strict=True):
            (targets if target else actuals).append(target or clause)
        return "".join(targets), "".join(actuals)
    for clause in _clauses(text):
        if clause.lstrip().startswith(_GOES_WITH_THE_CLAUSE_BEFORE):
            # "现已新增20条,其中市本级17条…": parts of the figure before; "现已建成12个,另有
            # 8个正在改造": the rest of the work, on the side of what is told of it.
            side.append(clause)
            continue
        if not _FIGURE.search(clause):
            side = targets
        elif _ACHIEVED_BEFORE.match(_days_out(clause)) and not _PLANNED_VERB.match(clause):
            side = actuals
        elif targets and _PERIOD_GONE.match(clause) and not _PLAN_WORD.match(_days_out(clause)):
            side = actuals  # "全年新增停车位2000个,1-10月新增1650个": the period's result
        elif side is actuals and _RATE_OF_IT.match(clause):
            pass  # "已拨付703.8万元,拨付率100%": the rate of what was just told done
        elif side is actuals and _changed_on_last_year(clause):
            pass  # "完成51.66亿元,固定资产投资同比增长8.2%": how that compares with last year
        else:
            side = targets
        side.append(clause)
    if actuals and any(_PLANNED_BEFORE.match(_days_out(c)) for c in targets):
        return "".join(targets), "".join(actuals)
    return _begun_then_done(_clauses(text))


# A sentence opening on the task, sized by its figure, as the subject of a verdict that it is
# done ("625个村庄规划编制工作已完成", "解决30万农村人口饮水安全问题项目已超额完成"): the
# figure is the task's size, the target the verdict answers; not an amount after a verb of
# doing ("完成造林…").
_SIZED_SUBJECT = re.compile(
    r"^(?P<task>(?!完成|建成|累计|实现|实际)[^，,。；;已\d]{0,12}\d[^，,。；;已]*?)"
    r"(?P<verdict>(?:均|现|目前)?已(?:经)?(?:超额|全部|全面|如期|提前)?(?:完成|建成|竣工|完工).*)$",
    re.S,
)


def task_then_verdict(sentence: str) -> tuple[str, str]:
    """(the task, the verdict and what follows) of a sentence opening on a sized task said to
    be done; ("", "") for any other sentence."""
    found = _SIZED_SUBJECT.match(sentence.strip())
    if not found or _PLAN_BEFORE_FIGURE.match(found["task"]):
        return "", ""
    return found["task"], found["verdict"]


# Words of work done in the past: "已…", "竣工", "投入使用", "完成了", "提供了".
_DONE_WORDS = re.compile(
    r"已|竣工|完工|投入使用|(?:完成|实现|提供|设立|开展|发放|新增|修缮)了"
    # "7所卫生院改造全部完成", not a promise ("确保全部完成", "力争全面建成")
    r"|(?<!确保)(?<!力争)(?<!争取)(?<![将要])(?:全部|全面)(?:完成|建成)"
)
# A clause setting a target: a word of a plan or a whole before its figure ("规划的20所").
_PLAN_BEFORE_FIGURE = re.compile(
    r"^[^\d]*?(?:共|总|计划|规划|目标|任务|全年|年度|力争|确保|预计|拟)[^\d]*\d"
)


def told_as_done(sentence: str) -> bool:
    """An item of a progress report told in one sentence of work done, no clause of it
    setting a figure as a plan ("建成…医技楼并投入使用;为全区800户…提供了…服务"), and not a
    task quoted from the plan: its figures are what was done."""
    if sentence.lstrip().startswith("“"):
        return False
    clauses = _CLAUSE.findall(sentence)
    # "新建幼儿园2所,目前主体已封顶": the done words tell of a stage, in a clause without a
    # figure; the figure, in a clause of its own without done words, is the target.
    # A day ("于10月30日竣工验收") is no figure: its clause tells when, not how much.
    figured = [c for c in clauses if extract_figures(c)]
    if figured and not any(_DONE_WORDS.search(c) for c in figured):
        return False
    return bool(_DONE_WORDS.search(sentence)) and not any(
        _PLAN_BEFORE_FIGURE.match(c) for c in clauses
    )


# Words of work done, in a report of the year's results (no 已 needed: "新改建农村公路18公里",
# "建成老年食堂12个", "实施了一批…工程", "实现服务点全覆盖").
_RESULT_WORDS = re.compile(
    r"建成|新建|新改建|改建|扩建|完成|实现|新增|组建|配建|配备|配置|发放|培训|修缮|改造|[^得]了"
)
# Words of work to come or still going on: no result yet ("将", "深入开展", "持续推进").
_ONGOING = re.compile(r"计划|目标|预计|力争|争取|将|正在|开展|推进|启动|开工")


# A figure that qualifies the work it names ("300万元的…工程"): its scope, not a result.
_SCOPE = re.compile(r"^[\d.]+\s*[^\d\s，,。；;的]{0,4}的")


def goes_on(text: str) -> bool:
    """Words of work to come or going on ("加快推进…", "深入开展…", "预计…")."""
    return bool(_ONGOING.search(text))


def tells_results(sentence: str) -> bool:
    """An item of a report of the year's results told in one sentence of work done, without
    the 已 of a mid-year report: no figure set as a plan or as the work's scope, and either a
    figure right after words of doing ("全年新增…5200人", "共建成…45公里") or, with no figure,
    words of doing and none of work going on. Its figures are what was done."""
    clauses = _CLAUSE.findall(sentence)
    figured = [(c, f) for c in clauses for f in extract_figures(c)[:1]]
    if figured and _SCOPE.search(figured[0][0][figured[0][1].start :]):
        return False  # "投资300万元的东环路改造工程": the first figure sets the work's scope
    if any(_PLANNED_FIGURE.match(c) for c in clauses):
        return False
    if states_years_value(sentence):
        return True  # "…比例为36.89%。": the value the measure came to
    if any(_RESULT_BEFORE_FIGURE.search(c[: f.start]) for c, f in figured):
        return True
    if any(
        _COMPARED_BEFORE_FIGURE.search(c[: f.start]) and not _SET_AFTER_FIGURE.match(c[f.end :])
        for c, f in figured
    ):
        return True  # "…508亿元,同比增长6.5%": a change measured on last year is a result
    return bool(_RESULT_WORDS.search(sentence)) and not _ONGOING.search(sentence)


# Work done at set times ("每月做好…台帐整治", "按月报送", "定期开展…检查"): a duty of the whole
# year, which a report of the year's results tells as kept, not as a task still to finish.
_ROUTINE = re.compile(r"每(?:月|周|季度?|旬|日|天)|按(?:月|周|季度?|旬)|定期")
_NOT_YET = re.compile(r"计划|目标|预计|力争|争取|将|正在|尚未|未|滞后|缓慢|偏慢")


def routine_kept(sentence: str) -> bool:
    """The sentence tells a duty done at set times through the year, with no word of work to
    come or behind ("每月做好…工作并按时开展周拉练检查工作")."""
    return bool(_ROUTINE.search(sentence)) and not _NOT_YET.search(sentence)


# A news report's line opening on the field it tells of ("稳定扩大社会就业方面,全区…"): what
# follows is what was done in that field, as far as the report's day.
_FIELD_OPENING = re.compile(r"^\s*[^，,。；;\d]{2,24}方面[，,:：]")


def told_by_field(sentence: str) -> bool:
    """The sentence opens on the field it reports on ("实施…筛查方面,完成…")."""
    return bool(_FIELD_OPENING.match(sentence))


# A figure set as a plan in a report of results ("计划新建18公里"); "全年", "共" say a total.
_PLANNED_FIGURE = re.compile(r"^[^\d]*?(?:计划|规划|目标|任务|力争|确保|争取|预计|拟|将)[^\d]*\d")
_RESULT_BEFORE_FIGURE = re.compile(rf"(?:{_RESULT_WORDS.pattern})[^\d，,。；;\n]{{0,12}}\Z")
# A change on last year's figure ("同比增长6.5%"), not one set as a floor or ceiling ("同比增长
# 8%以上", "同比下降5%左右").
_COMPARED_BEFORE_FIGURE = re.compile(r"同比(?:增长|下降|提高|减少|增加|上升)?(?:为|达到?)?\s*$")
_SET_AFTER_FIGURE = re.compile(r"\s*(?:以上|以下|以内|左右|之内)")


def measured_result(line: str) -> bool:
    """A line of a dated progress report that states what a measure came to, with no word of a
    plan: a change on last year's figure ("…22.5亿元,同比下降5.4%"), or a result after the
    period reported on ("1-9月,全县实现地区生产总值127.41亿元"). Targets are not written so:
    they carry a bound ("增长7%左右") or a word of the plan."""
    clauses = _CLAUSE.findall(line)
    if any(_PLANNED_FIGURE.match(c) for c in clauses):
        return False
    figured = [(c, f) for c in clauses for f in extract_figures(c)[:1]]
    if any(
        _COMPARED_BEFORE_FIGURE.search(c[: f.start]) and not _SET_AFTER_FIGURE.match(c[f.end :])
        for c, f in figured
    ):
        return True
    if any(
        _BARE_CHANGE.match(change)
        and not _REACHED.search(amount)
        and any(f.unit not in ("", "%") for f in extract_figures(amount))
        for amount, change in zip(clauses, clauses[1:], strict=False)
    ):
        return True  # "城镇居民人均可支配收入20546.1元,下降0.7%": an amount and its change
    lead = _AS_OF_LEAD.match(line)
    rest = line[lead.end() :] if lead else ""
    first = extract_figures(rest)[:1]
    return bool(first and _RESULT_BEFORE_FIGURE.search(rest[: first[0].start]))


# A clause that is only a change, without a bound ("下降0.7%", "增长6.5%"); after an amount, the
# way a statistics line writes a result. A target reaches for its amount ("达到500亿元,增长8%").
_BARE_CHANGE = re.compile(
    r"^\s*(?:同比)?(?:增长|下降|提高|减少|增加|上升)\s*\d+(?:\.\d+)?\s*[%％]\s*[，,。；;]?\s*$"
)
_REACHED = re.compile(r"达到|突破|超过|不低于|不少于|以上|左右")


def _changed_on_last_year(clause: str) -> bool:
    """The clause's first figure is a change on last year's, without a bound ("同比增长8.2%")."""
    first = extract_figures(clause)[:1]
    return bool(
        first
        and _COMPARED_BEFORE_FIGURE.search(clause[: first[0].start])
        and not _SET_AFTER_FIGURE.match(clause[first[0].end :])
    )


def results_with_parts(line: str, progress: str) -> bool:
    """The line states results (`measured_result`) and its progress breaks them down ("其中:
    第一产业增加值…"): the parts are results too, no actual of the line's figures."""
    return measured_result(line) and progress.lstrip().startswith("其中")


# "完成44村", "已新增学位1100个", "已完成受益人口1.2万人": the work's own short name may stand
# between the word of doing and its figure; a run of names ("实施完成A村、B村等8村") may not.
_DONE_JUST_BEFORE = re.compile(r"(?:已|累计|完成|实现|达到|建成|实际)[^\d，,。；;、等]{0,4}$")


def _units(text: str, *, done: bool = False) -> set[str]:
    """Units of the figures in `text`; with `done`, only of figures right after a word of
    achievement ("完成44村", not "实施完成…等8村…")."""
    return {
        f.unit
        for f in extract_figures(text)
        if f.unit and (not done or _DONE_JUST_BEFORE.search(text[: f.start]))
    }


def _begun_then_done(clauses: list[str]) -> tuple[str, str]:
    # "开工建设78村106个项目,完成44村": the work taken up, then how much of it is done, in
    # the same unit; the clauses before the first of achievement set the scope.
    first = next((k for k, c in enumerate(clauses) if _ACHIEVED_BEFORE.match(c)), None)
    if first is None or first == 0:
        return "", ""
    scope, rest = clauses[:first], clauses[first:]
    done = [c for c in rest if _ACHIEVED_BEFORE.match(c)]
    if not _units("".join(scope)) & {u for c in done for u in _units(c, done=True)}:
        return "", ""
    return "".join(scope), "".join(rest)


# Progress that opens with the completion rate ("完成率200%;") answers the item's own line:
# its figures ("实体零工驿站建设完成2个") are what was done, the rate how that compares with a
# target the report does not repeat.
_RATE_FIRST = re.compile(
    r"^\s*(?:完成率|完成比例|任务完成率)(?:为|达到|达)?\s*\d+(?:\.\d+)?\s*[%％]"
)


def answers_with_rate(progress: str) -> bool:
    return bool(_RATE_FIRST.match(progress))


# A line opening on its year and the value a measure came to ("2031年全区能耗总量为88.5万吨标准煤,
# 增长1.6%"): in a report of that year's results, a result, not a target set for it.
_YEARS_VALUE = re.compile(
    r"^\s*20\d{2}\s*年度?[,，]?[^，,。；;\d]{2,24}?(?:为|实现|达到|达)\s*-?\d+(?:\.\d+)?"
    r"\s*[^\d，,。；;]{0,8}?(?:[，,。；;]|$)"
)


# A line that is only a measure and the value it came to ("盘活财政存量资金比例为36.89%。"): "为"
# states what is; a target says where to get to ("达到", "控制在", "不低于").
_MEASURE_IS = re.compile(
    r"^\s*[^，,。；;\d]{2,24}?为\s*-?\d+(?:\.\d+)?\s*[^\d，,。；;]{0,8}?[。.；;]?\s*$"
)


def states_years_value(line: str) -> bool:
    """The line opens on its year and the value a measure came to, or is only a measure and
    its value ("…比例为36.89%。"), with no word of a plan or a bound ("以上", "左右") in it."""
    return bool(_YEARS_VALUE.match(line) or _MEASURE_IS.match(line)) and not _PLAN_OR_BOUND.search(
        line
    )


_PLAN_OR_BOUND = re.compile(
    r"计划|规划|目标|任务|力争|确保|争取|预计|拟|以上|以下|以内|左右|不低于|不超过"
)


# Words of what was done, not of what is to be done ("为年度计划的96.9%": a share of the plan).
_SAID_DONE = re.compile(
    r"已|实际|累计|(?:完成|占|为)[^，,。；;\d]{0,8}(?:任务|目标|计划)[^，,。；;\d]{0,4}的\s*\d"
    r"|(?:低于|落后于?|比)(?:年度|全年)?(?:目标|计划|序时进度)"  # a result's gap to its target
    r"|(?:完成|实现|提供|设立|建成|开展)了|并投入使用|主体完工"  # done, in the past tense
    r"|全部(?:竣工|完工|建成)|竣工验收|通过了?[^，,。；;]{0,10}?验收"  # built, and accepted
    r"|(?:完成|办结)率(?:为)?\s*\d"  # a rate measured ("完成率89.5%"), not one set ("达到95%")
    r"|(?:完成|工程|形象|施工)进度为\s*\d"  # how far it is ("完成进度为88%")
)


# Words of work behind or not begun ("尚未开工", "进展缓慢", "未达到序时进度"): progress told,
# though nothing is done.
_SAID_SHORT = re.compile(
    r"尚未|未开工|未启动|未达到?序时|进展缓慢|进度缓慢|推进缓慢|滞后|偏慢|较慢|正在|全部完成|均已"
    r"|推迟|延期|顺延|暂缓|停工"
)


# Words that tell a result, not a target, without 已 ("全年城镇新增就业5260人", "建成…6个",
# "惠及2.3万人"); "新建公厕40座" may be either, and is read as the target.
_PLAIN_RESULT = re.compile(
    r"全年[^，,。；;\d]{0,12}\d|建成[^，,。；;\d]{0,12}\d|惠及|累计|共(?:计|有)?[^，,。；;\d]{0,8}\d"
    r"|(?:完成|实现|新增|开展|培训|发放)了"
)


# A sentence ending on how its work goes ("151个前期项目有序推进。", "各项工程进展顺利"): the
# state of the work, told of it; a task puts the verb first ("有序推进…改造").
_GOING_AT_END = re.compile(
    r"(?:(?:有序|顺利|稳步|正常|加快|积极|扎实)推进|进展顺利|推进顺利)[。.；;]?\s*$"
)


# An office's verdict on how the work goes, anywhere in the line ("…雪堰镇进展情况较好,投资完成率
# 分别高于整体进度的…"): progress told of it.
_GOING_WELL = re.compile(r"进展(?:情况)?(?:较好|良好)|与(?:整体|总体|序时)进度基本持平")


def line_tells_progress(line: str, *, results: bool = False) -> bool:
    """An item's own line, in a report of progress that states no day, tells progress: words
    of what was done ("已全部建设完成", "实际改造4559户"), of work behind or put off ("尚未开工",
    "推迟至明年"), of how it goes, ending the sentence ("…有序推进。") or judged ("进展较好"),
    or, with `results` (after the year, items on lines of their own), plain results
    ("全年城镇新增就业5260人")."""
    return bool(
        _SAID_DONE.search(line)
        or _SAID_SHORT.search(line)
        or _GOING_AT_END.search(line)
        or _GOING_WELL.search(line)
        or (results and _PLAIN_RESULT.search(line))
    )


# A news report's line announcing who tells of the items after it ("县民政局重点介绍了农村养老
# 服务能力提升情况。", "县住建局围绕基础设施建设介绍了年度进展。"): no item's progress.
_INTRODUCES = re.compile(
    r"^[^。；;\n]{0,40}?(?:介绍|通报|发布|汇报)了?[^。；;\n\d]{0,30}?(?:情况|成果|成效|进展)[。.]?$",
    re.M,
)


def without_introductions(progress: str) -> str:
    """The progress text without news lines that only announce who tells of the items."""
    return "\n".join(ln for ln in progress.split("\n") if not _INTRODUCES.match(ln.strip()))
