"""Synthetic ledgers of any size whose targets differ the way real ones do.

Each target combines a place, a topic's measure, an action, a figure with its unit, a
responsible unit and a purpose from the vocabulary below (written for the bench, not taken
from any ledger), so titles, texts and figures vary across thousands of targets.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from bot.domain.ledger import DeadlineSpec, IndicatorSpec, LedgerSpec, TargetSpec, UnitSpec

_TOWNS = (
    "城关镇", "东关街道", "西城街道", "南湖乡", "北山镇", "河口镇", "青龙乡", "白鹤镇", "石桥乡",
    "杨庄镇", "柳林乡", "黄岗镇", "新兴街道", "五里店镇", "高新区", "产业集聚区", "经开区",
    "滨河新区", "龙泉镇", "桃源乡", "凤凰街道", "金山镇", "红旗乡", "双河镇", "马坊镇",
    "张集乡", "李寨镇", "清水河乡", "古城街道", "太平镇", "三里桥乡", "大王庄镇", "陈店镇",
    "刘湾乡", "吴桥镇", "周口店乡", "孙集镇", "梨园街道", "槐树镇", "莲花乡",
)  # fmt: skip
_VILLAGES = (
    "王庄村", "李营村", "赵楼村", "高寨村", "前进村", "和平村", "东岗村", "西湾村", "后店村",
    "杏花村", "双庙村", "郭庄村", "徐湾村", "马岭村", "胡集村", "范寨村", "牛王庙村", "石门村",
    "罗山村", "苗圃村", "丁庄村", "黄河湾村", "十里铺村", "官渡村", "孟楼村", "唐庄村",
)  # fmt: skip


@dataclass(frozen=True)
class Measure:
    topic: str  # the everyday topic a leader would name
    thing: str  # what is counted
    unit: str
    low: float
    high: float
    actions: tuple[str, ...]
    suffixes: tuple[str, ...]  # how a title ends: 建设, 改造, 提升...
    owner: str  # the county department that would lead it
    category: str


_MEASURES = (
    Measure("养老", "农村幸福院", "所", 2, 40, ("新建", "提升改造"), ("建设", "提质"),
            "县民政局", "民生保障"),
    Measure("养老", "居家养老服务中心", "个", 1, 20, ("建成", "新建"), ("建设", "覆盖"),
            "县民政局", "民生保障"),
    Measure("养老", "特困人员供养床位", "张", 50, 800, ("新增", "改造"), ("扩容", "提升"),
            "县民政局", "民生保障"),
    Measure("医疗", "村卫生室标准化", "个", 5, 120, ("完成", "建成"), ("达标", "建设"),
            "县卫健委", "社会事业"),
    Measure("医疗", "家庭医生签约", "人", 2000, 90000, ("完成", "新增"), ("服务", "扩面"),
            "县卫健委", "社会事业"),
    Measure("医疗", "乡镇卫生院发热门诊", "个", 2, 25, ("改造", "建成"), ("建设", "改造"),
            "县卫健委", "社会事业"),
    Measure("医疗", "城乡居民医保参保", "万人", 10, 95, ("完成", "实现"), ("扩面", "征缴"),
            "县医保局", "民生保障"),
    Measure("教育", "中小学校舍", "平方米", 3000, 90000, ("新建", "改扩建"), ("改扩建", "工程"),
            "县教育局", "社会事业"),
    Measure("教育", "公办幼儿园学位", "个", 200, 5000, ("新增", "扩充"), ("扩容", "建设"),
            "县教育局", "社会事业"),
    Measure("教育", "教师培训", "人次", 300, 9000, ("开展", "完成"), ("提升", "计划"),
            "县教育局", "社会事业"),
    Measure("就业", "城镇新增就业", "人", 500, 12000, ("实现", "完成"), ("目标", "行动"),
            "县人社局", "民生保障"),
    Measure("就业", "农村劳动力转移就业", "万人", 1, 30, ("转移", "完成"), ("工程", "行动"),
            "县人社局", "民生保障"),
    Measure("就业", "职业技能培训", "人次", 1000, 30000, ("开展", "完成"), ("行动", "提升"),
            "县人社局", "民生保障"),
    Measure("社会救助", "低保对象动态管理", "户", 200, 9000, ("核查", "复核"), ("规范", "提标"),
            "县民政局", "民生保障"),
    Measure("社会救助", "临时救助", "人次", 100, 6000, ("实施", "发放"), ("兜底", "救助"),
            "县民政局", "民生保障"),
    Measure("金融", "普惠小微贷款", "亿元", 1, 80, ("新增", "投放"), ("投放", "增长"),
            "县金融工作局", "经济发展"),
    Measure("金融", "涉农贷款余额", "亿元", 5, 200, ("达到", "新增"), ("增长", "投放"),
            "县金融工作局", "经济发展"),
    Measure("工业", "规上工业企业", "家", 3, 60, ("新增", "培育"), ("培育", "倍增"),
            "县工信局", "经济发展"),
    Measure("工业", "工业技改投资", "亿元", 1, 50, ("完成", "实施"), ("攻坚", "提速"),
            "县工信局", "经济发展"),
    Measure("工业", "标准化厂房", "万平方米", 1, 60, ("建成", "新建"), ("建设", "招商"),
            "县工信局", "经济发展"),
    Measure("农业农村", "高标准农田", "万亩", 1, 30, ("建成", "新建"), ("建设", "提升"),
            "县农业农村局", "经济发展"),
    Measure("农业农村", "农村人居环境整治", "个", 10, 300, ("完成", "整治"), ("提升", "行动"),
            "县农业农村局", "城乡建设"),
    Measure("农业农村", "设施蔬菜大棚", "亩", 100, 9000, ("新建", "发展"), ("基地", "建设"),
            "县农业农村局", "经济发展"),
    Measure("农业农村", "粮食播种面积", "万亩", 10, 150, ("稳定", "完成"), ("稳产", "目标"),
            "县农业农村局", "经济发展"),
    Measure("交通", "农村公路提档升级", "千米", 5, 300, ("完成", "改造"), ("工程", "改造"),
            "县交通运输局", "城乡建设"),
    Measure("交通", "公交候车亭", "座", 10, 200, ("新建", "更新"), ("建设", "更新"),
            "县交通运输局", "城乡建设"),
    Measure("交通", "公共停车泊位", "个", 100, 5000, ("新增", "施划"), ("建设", "扩容"),
            "县住建局", "城乡建设"),
    Measure("生态环保", "污水管网", "千米", 2, 150, ("新建", "改造"), ("建设", "改造"),
            "县住建局", "生态环境"),
    Measure("生态环保", "国土绿化", "亩", 500, 30000, ("完成", "新增"), ("行动", "提升"),
            "县林业局", "生态环境"),
    Measure("生态环保", "空气质量优良天数", "天", 200, 330, ("达到", "实现"), ("攻坚", "目标"),
            "市生态环境局分局", "生态环境"),
    Measure("生态环保", "黑臭水体整治", "条", 1, 30, ("完成", "整治"), ("销号", "攻坚"),
            "市生态环境局分局", "生态环境"),
    Measure("文化体育", "农家书屋", "个", 10, 400, ("提升", "建成"), ("提质", "建设"),
            "县文广旅局", "社会事业"),
    Measure("文化体育", "全民健身路径", "处", 5, 150, ("新建", "更新"), ("工程", "建设"),
            "县文广旅局", "社会事业"),
    Measure("文化体育", "送戏下乡", "场", 20, 900, ("开展", "完成"), ("活动", "惠民"),
            "县文广旅局", "社会事业"),
    Measure("残疾人", "困难重度残疾人家庭无障碍改造", "户", 20, 900, ("完成", "实施"),
            ("改造", "工程"), "县残联", "民生保障"),
    Measure("残疾人", "残疾人辅具适配", "人", 50, 2000, ("完成", "适配"), ("服务", "行动"),
            "县残联", "民生保障"),
    Measure("疫情防控", "核酸检测", "人次", 1000, 50000, ("提升", "达到"), ("建设", "提升"),
            "县卫健委", "安全稳定"),
    Measure("安全生产", "隐患排查整治", "处", 100, 5000, ("排查", "整改"), ("专项行动", "攻坚"),
            "县应急管理局", "安全稳定"),
    Measure("安全生产", "消防站", "座", 1, 8, ("新建", "建成"), ("建设", "达标"),
            "县消防救援大队", "安全稳定"),
    Measure("科技创新", "高新技术企业", "家", 2, 60, ("新增", "培育"), ("培育", "倍增"),
            "县科技局", "经济发展"),
    Measure("科技创新", "研发经费投入", "亿元", 1, 20, ("达到", "完成"), ("增长", "提升"),
            "县科技局", "经济发展"),
    Measure("住房", "城镇老旧小区改造", "户", 200, 8000, ("完成", "改造"), ("工程", "提升"),
            "县住建局", "城乡建设"),
    Measure("住房", "保障性租赁住房", "套", 50, 3000, ("筹集", "建成"), ("建设", "筹集"),
            "县住建局", "城乡建设"),
    Measure("水利", "农村饮水安全巩固提升", "处", 5, 200, ("完成", "实施"), ("工程", "提升"),
            "县水利局", "民生保障"),
    Measure("水利", "河道综合治理", "千米", 2, 80, ("完成", "治理"), ("工程", "提升"),
            "县水利局", "生态环境"),
    Measure("商贸", "社会消费品零售额", "亿元", 20, 600, ("实现", "完成"), ("增长", "提振"),
            "县商务局", "经济发展"),
    Measure("商贸", "电商进农村服务站点", "个", 10, 400, ("建成", "新增"), ("覆盖", "建设"),
            "县商务局", "经济发展"),
    Measure("招商", "亿元以上招商项目签约", "个", 2, 40, ("签约", "引进"), ("攻坚", "落地"),
            "县商务局", "经济发展"),
)  # fmt: skip

_PURPOSES = (
    "切实改善群众生产生活条件", "确保年底前全部投入使用", "力争进入全市前列",
    "按照序时进度推进", "形成可复制可推广的经验", "群众满意度达到90%以上",
    "做到应建尽建", "实现全县全覆盖", "高于全市平均水平", "完成省市下达任务",
    "年底前通过验收", "建立长效管护机制", "确保资金足额到位", "打造示范样板",
)  # fmt: skip
_ASSIST = ("县财政局", "县发改委", "县自然资源局", "县审计局", "各乡镇人民政府", "县统计局")
_DEADLINE_MONTHS = (6, 8, 9, 10, 11, 12, 12, 12, 12)


def _figure(measure: Measure, rng: random.Random) -> str:
    value = rng.uniform(measure.low, measure.high)
    if measure.high <= 100 and rng.random() < 0.4:
        return f"{value:.1f}"
    return str(max(1, round(value)))


def _place(rng: random.Random) -> str:
    town = rng.choice(_TOWNS)
    return town + rng.choice(_VILLAGES) if rng.random() < 0.35 else town


def synthetic_target(number: int, year: int, rng: random.Random) -> TargetSpec:
    """One target: a place, a measure, its action, figure, purpose, deadline and units."""
    measure = rng.choice(_MEASURES)
    place = _place(rng)
    action = rng.choice(measure.actions)
    goal = _figure(measure, rng)
    share = rng.choice((0, 12, 35, 48, 60, 73, 86, 95, 100, 104, 118))
    exact = float(goal) * share / 100
    actual = f"{exact:.1f}".removesuffix(".0") if "." in goal else str(round(exact))
    month = rng.choice(_DEADLINE_MONTHS)
    deadline = (dt.date(year, month + 1, 1) if month < 12 else dt.date(year + 1, 1, 1)) - (
        dt.timedelta(days=1)
    )
    as_of = rng.randint(3, 11)
    title = f"{place}{measure.thing}{rng.choice(measure.suffixes)}"
    target_text = (
        f"{year}年{month}月底前{place}{action}{measure.thing}{goal}{measure.unit},"
        f"{rng.choice(_PURPOSES)}。"
    )
    progress_text = (
        f"截至{as_of}月底,{place}已{action}{measure.thing}{actual}{measure.unit},"
        f"完成年度任务的{share}%。"
    )
    aliases = (f"{place[:2]}{measure.thing}",) if rng.random() < 0.5 else ()
    return TargetSpec(
        number=number,
        title=title,
        category=measure.category,
        target_text=target_text,
        progress_text=progress_text,
        units=(
            UnitSpec(measure.owner, "lead", "inferred"),
            UnitSpec(rng.choice(_ASSIST), "assist", "inferred"),
        ),
        deadlines=(DeadlineSpec(deadline, f"{month}月底前", share >= 100),),
        indicators=(
            IndicatorSpec(
                name=measure.thing,
                target=goal,
                unit=measure.unit,
                actual=actual,
                as_of=f"1-{as_of}月",
            ),
        ),
        aliases=aliases,
    )


def synthetic_ledger(size: int, *, year: int = 2020, seed: int = 11) -> LedgerSpec:
    """A ledger of `size` targets, the same for the same size and seed."""
    rng = random.Random(seed)
    return LedgerSpec(
        year=year,
        title=f"{year}年合成台账（{size}项）",
        preamble="合成台账：按地点、事项、指标与数字组合生成，仅用于测速。",
        targets=tuple(synthetic_target(n, year, rng) for n in range(1, size + 1)),
        default_deadline=dt.date(year, 12, 31),
    )


_QUESTION_FORMS = (
    "{title}完成了吗",
    "{place}{thing}进度怎么样",
    "{thing}现在咋样了",
    "{place}的{topic}那块怎么样",
    "{action}{thing}{goal}{unit}的任务完成多少了",
    "{short}{thing}还差多少",
    "{place}{thing}谁负责",
    "{topic}方面{place}有什么进展",
)


def synthetic_questions(ledger: LedgerSpec, count: int, *, seed: int = 5) -> list[str]:
    """Questions about the ledger's own targets, in the forms leaders type."""
    rng = random.Random(seed)
    by_thing = {m.thing: m for m in _MEASURES}
    questions = []
    for _ in range(count):
        target = rng.choice(ledger.targets)
        indicator = target.indicators[0]
        measure = by_thing[indicator.name]
        place = target.title.removesuffix(
            next(s for s in measure.suffixes if target.title.endswith(s))
        ).removesuffix(measure.thing)
        questions.append(
            rng.choice(_QUESTION_FORMS).format(
                title=target.title,
                place=place,
                short=place[:2],
                thing=measure.thing,
                topic=measure.topic,
                action=rng.choice(measure.actions),
                goal=indicator.target,
                unit=indicator.unit,
            )
        )
    return questions
