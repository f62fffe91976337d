"""A drafted target's title, category, units and aliases, from field knowledge only."""

import pytest

from bot.drafting.naming import (
    TITLE_MAX,
    aliases_for,
    category_for,
    load_departments,
    title_for,
    topic_for,
    units_for,
)
from bot.understanding.lexicon import load_lexicon
from bot.understanding.tokenizer import make_tokenizer


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="module")
def tokenizer():
    return make_tokenizer()


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("城镇新增就业5600人,其中:失业人员再就业1560人。", "城镇新增就业"),
        ("新增16个“文化驿站”。", "文化驿站"),
        ("建设四好农村路55公里。", "四好农村路"),
        ("规模以上工业增加值增速高于全省平均水平。", "规上工业增加值"),
        ("建成投用沿浦、宜山、莒溪等8家卫生院", "卫生院"),
        ("高质量完成造林0.71万亩、国家储备林0.12万亩。", "造林"),  # a measure follows its thing
        ("改扩建1所以失能特困人员康复安置为主要功能的中心敬老院。", "中心敬老院"),
        ("2020年底,新引进亿元以上项目不少于8个。", "引进亿元以上项目"),
        ("10月底之前完成城市书房建设。", "城市书房建设"),
        ("确保城乡居民基本养老保险参保达509300人以上。", "基本养老保险参保"),
    ],
)
def test_titles_are_short_whole_words(text, title, lexicon, tokenizer):
    found = title_for(text, tokenizer, lexicon.abbreviations)
    assert found.value == title and len(found.value) <= TITLE_MAX


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # words after the name that name nothing: the work, the effort, the document
        ("加大信贷投放力度。", "信贷投放"),
        ("落实东城区2021年节能减煤工作要点。", "东城区节能减煤"),  # a year inside goes too
        ("出台紧密型医共体实施意见。", "紧密型医共体"),
        ("实现一村一辅警工作全覆盖。", "一村一辅警"),
        # a company by its own name, without its place or legal form
        ("完成东城县宏达化工有限公司关闭退出。", "宏达化工关闭退出"),
        # a comparator whose figure counts the thing that follows it
        ("建设悬挂不少于10处楹联。", "楹联"),
        # a name in quotes, where the usual cut misses it
        ("实现“一村(居)一法律顾问”工作全覆盖。", "一村一法律顾问"),
        ("完成4个城市社区“一有十中心”规范化建设。", "一有十中心"),
        # a due date inside the clause
        ("上级补助资金支持的老旧小区8月底前完成改造。", "老旧小区"),
        # a subject compared with another (与), a share named by what it counts (占)
        ("居民人均可支配收入与GDP增长同步。", "人均可支配收入"),
        ("新建普惠金融服务站数占行政村比例达到75%。", "普惠金融服务站数"),
        # a generic head dropped when that makes the name fit, kept after a qualifier
        ("建设农村教师周转宿舍项目216套。", "农村教师周转宿舍"),
        ("永清路提升改造工程。", "永清路提升改造"),
        # an abbreviation that makes a long name fit
        ("全年招商引资项目履约率不低于90%。", "招引项目履约率"),
        ("完成15家科技型中小企业评价入库工作。", "科小评价入库"),
        ("加强慢性阻塞性肺疾病防治体系建设。", "慢阻肺防治体系"),  # abbreviated, then fitted
        # more lead verbs; 新增 only where four characters remain (新增贷款 stays)
        ("开工新建东环路。", "东环路"),
        ("全社会研发经费投入增长10%。", "研发经费投入"),  # a scope word in front
        ("实现商标注册量、地理标志申请量均增长8%以上。", "地理标志申请量"),  # 均 is no name
        ("新增社区老年大学3所。", "社区老年大学"),
        ("推行“一村一辅警”。", "一村一辅警"),
        # a scope as the subject: the name follows the predicate
        ("所有乡镇实现综合文化站全覆盖。", "综合文化站"),
        # for whom, then the work (an age is no part of a name)
        ("对120名0—6岁残疾儿童实施康复救助。", "残疾儿童康复救助"),
        ("为全县重点人群免费开展结直肠癌筛查。", "结直肠癌筛查"),
        # what a figure describes after its 的
        ("加快建设总投资7.58亿元的县医院迁建项目。", "县医院迁建项目"),
        # a first clause that only says what the work costs names nothing (news-shaped lists)
        ("投资2.3亿元,新建城南污水处理厂1座,日处理能力2万吨。", "城南污水处理厂"),
        ("按照每人每月300元标准,为高龄老人发放生活补贴。", "高龄老人生活补贴"),
    ],
)
def test_title_rules(text, title, lexicon, tokenizer):
    found = title_for(text, tokenizer, lexicon.abbreviations)
    assert found.value == title and len(found.value) <= TITLE_MAX


def test_a_name_written_in_full_stays_full_where_a_cut_leaves_a_whole_phrase(lexicon, tokenizer):
    found = title_for("全社会固定资产投资增速高于全省平均水平。", tokenizer, lexicon.abbreviations)
    assert found.value.endswith("固定资产投资") and len(found.value) <= TITLE_MAX


def test_a_title_that_had_to_be_cut_is_doubtful(lexicon, tokenizer):
    found = title_for("完成20所特困人员供养服务设施适老化改造提升工程。", tokenizer, {})
    assert len(found.value) <= TITLE_MAX and found.confidence < 0.6


def test_category_comes_from_the_topic(lexicon):
    topic, confidence = topic_for("新建改扩建公办幼儿园6所。", "", lexicon)
    assert topic is not None and topic.name == "教育"
    assert category_for(topic, confidence).value == "社会事业"
    none, _ = topic_for("做好各项工作。", "", lexicon)
    guess = category_for(none, 0.0)
    assert guess.confidence < 0.6  # flagged for review, never silent


def test_without_a_field_building_a_town_or_village_place_is_城乡建设(lexicon):
    text = "完成4个城市社区“一有十中心”规范化建设。"
    topic, confidence = topic_for(text, "", lexicon)
    assert topic is None
    guess = category_for(topic, confidence, text)
    assert guess.value == "城乡建设" and guess.confidence < 0.6
    assert "城市社区" in guess.words
    # A place named without building it says nothing of the field.
    assert category_for(None, 0.0, "城乡居民大病保险").value != "城乡建设"
    # A field's words decide before the place does.
    topic, confidence = topic_for("完成社区养老服务中心建设3个", "", lexicon)
    assert category_for(topic, confidence, "完成社区养老服务中心建设3个").value == "民生保障"


def test_named_units_and_the_inferred_lead(lexicon):
    departments = load_departments()
    topic, confidence = topic_for("农业水价综合改革", "水利局已成立用水协会", lexicon)
    units, lead = units_for(
        "完成水价制定工作。\n县发改委已出台水价文件。水利局已成立用水协会。财政局已制定政策。",
        topic,
        departments,
        confidence,
    )
    named = {u.name for u in units if u.source == "named"}
    assert named >= {"县发改委", "县水利局", "县财政局"}
    assert units[0].role == "lead" and sum(u.role == "lead" for u in units) == 1
    listed, reading = units_for("建成投用8家卫生院\n牵头单位:县卫健局", None, departments)
    assert listed[0].name == "县卫健局" and listed[0].source == "named"
    assert reading.confidence >= 0.9
    inferred, guess = units_for(
        "新建改扩建公办幼儿园6所。", topic_for("幼儿园", "", lexicon)[0], departments
    )
    assert inferred[0].source == "inferred" and inferred[0].name == "县教育局"


def test_departments_under_their_common_short_names_are_named_units():
    # Many counties write 发改局, 经信局, 人力社保局 rather than 发改委, 工信局, 人社局.
    text = "县发改局负责的第4件确定事项进展滞后"
    units, _ = units_for(text, None, load_departments())
    assert [(u.name, u.source) for u in units] == [("县发改局", "named")]


def test_aliases_are_abbreviations_whose_full_form_is_written(lexicon):
    found = aliases_for("全社会固定资产投资增速高于全省平均水平。", lexicon)
    assert "固投" in found
    assert aliases_for("新建城市书房2座。", lexicon) == ()


def test_aliases_include_abbreviations_of_the_words_and_other_clauses_short_names(
    lexicon, tokenizer
):
    text = "抓好已上报的16个专项债券项目跟踪对接。新建城市书房2座。"
    found = aliases_for(text, lexicon, tokenizer, title="专项债券项目")
    assert "专债" in found  # the lexicon's words for 专债 ("专项债") are written
    assert "城市书房" in found and "专项债券项目" not in found


def test_names_never_run_across_a_table_cell(lexicon, tokenizer):
    # A two-level cell flattened as "<group> <sub-row>": the space is the cell boundary.
    text = (
        "城乡低保：最低生活保障 农村标准(760元/月)；"
        "最低生活保障 农村保障人次；特困人员救助供养 城市保障人次"
    )
    found = aliases_for(text, lexicon, tokenizer, title="城乡低保")
    assert "最低生活保障" in found and "农村保障人次" in found and "特困人员救助供养" in found
    cells = (
        "城乡低保",
        "最低生活保障",
        "农村标准",
        "农村保障人次",
        "特困人员救助供养",
        "城市保障人次",
    )
    assert all(any(a in c for c in cells) for a in found), found
    assert title_for("最低生活保障 农村标准(760元/月)", tokenizer).value == "最低生活保障"


def test_aliases_include_quoted_names_and_the_heads_of_the_title(lexicon, tokenizer):
    found = aliases_for("开展“企业上云”专项行动。", lexicon, tokenizer, title="企业上云专项行动")
    assert "企业上云" in found  # the quoted name
    heads = aliases_for(
        "城镇登记失业率控制在4.5%以内。", lexicon, tokenizer, title="城镇登记失业率"
    )
    assert "失业率" in heads and "登记失业率" in heads
    # a head of generic words alone, or one starting with a bound piece, names nothing
    generic = aliases_for("抓好省重点项目建设。", lexicon, tokenizer, title="省重点项目建设")
    assert "项目建设" not in generic
    # nor one whose own words before a generic one are too few to name anything
    market = aliases_for("城区东门市场建设", lexicon, tokenizer, title="城区东门市场建设")
    assert "市场建设" not in market and "东门市场建设" in market
    bound = aliases_for("出台紧密型医共体实施意见。", lexicon, tokenizer, title="紧密型医共体")
    assert "型医共体" not in bound


def test_aliases_include_the_names_of_the_other_clauses(lexicon, tokenizer):
    found = aliases_for(
        "加大信贷投放力度,新增贷款完成14亿元。", lexicon, tokenizer, title="信贷投放"
    )
    assert "新增贷款" in found and "信贷投放" not in found


def test_a_table_cell_mark_never_enters_a_title(tokenizer):
    found = title_for("推动工业固废资源化 | 张三 | 生态环境分局", tokenizer, {})
    assert "|" not in found.value and found.value == "工业固废资源化"


def test_a_cut_never_leaves_a_bound_suffix_in_front(tokenizer):
    found = title_for("全年完成各类补贴性职业技能培训6000人次以上。", tokenizer, {})
    assert found.value == "职业技能培训"
    # nor a bound word jieba reads inside the first word (以上学历)
    found = title_for("2)完成大专及以上学历提升902人", tokenizer, {})
    assert found.value == "学历提升"


def test_an_abbreviation_written_only_inside_its_full_form_is_still_an_alias(lexicon):
    # "外资" is written, but only as part of "境外资金", one of its own words
    assert "外资" in aliases_for("实际利用境外资金增长3%以上。", lexicon)
    assert "外资" not in aliases_for("引进外资项目5个。", lexicon)  # written on its own


def test_a_name_the_first_sentence_repeats_is_the_title(tokenizer):
    text = "坚持把教育作为投入重点领域,加大财政教育投入力度,确保财政教育投入只增不减。"
    assert title_for(text, tokenizer, {}).value == "财政教育投入"
    # the parts of a measure listed after a colon are no name of the target
    listed = "大气环境质量约束性指标:PM2.5年均浓度为49微克,PM10年均浓度为90微克。"
    assert title_for(listed, tokenizer, {}).value == "大气环境质量"


def test_field_abbreviations_are_aliases_where_their_words_are_written(lexicon):
    assert "外贸" in aliases_for("确保进出口额增长3%以上。", lexicon)
    assert "慢阻肺" in aliases_for("完成慢性阻塞性肺疾病筛查1万人次。", lexicon)
    assert "唐筛" in aliases_for("产前筛查率达到55%以上。", lexicon)
    assert "改厕" in aliases_for("改建农村户用厕所1万户。", lexicon)


def test_burial_grounds_are_livelihood_work_of_civil_affairs(lexicon):
    topic, confidence = topic_for("建成1个城市公益性公墓。", "", lexicon)
    assert topic is not None and category_for(topic, confidence).value == "民生保障"
    units, _ = units_for("建成1个城市公益性公墓。", topic, load_departments(), confidence)
    assert units[0].name == "县民政局" and units[0].source == "inferred"


def test_energy_saving_outweighs_the_gdp_in_energy_intensity(lexicon):
    topic, confidence = topic_for("落实节能工作要点,单位GDP能耗下降2%。", "", lexicon)
    assert category_for(topic, confidence).value == "生态环境"


def test_the_clause_that_sets_the_figure_names_a_target_whose_first_clause_says_what_is_done(
    tokenizer,
):
    text = "加大普惠信贷支持力度,新增小微贷款完成8亿元。"
    assert title_for(text, tokenizer, {}).value == "小微贷款"
    # a first clause that is no action ("为…") keeps its own name
    other = "为全县老年人免费开展流感疫苗接种,重点接种60岁以上人群7400人。"
    assert title_for(other, tokenizer, {}).value != "岁以上人群"


def test_a_role_something_plays_is_no_name_the_clause_that_sets_the_target_is(tokenizer):
    text = "发挥财政资金的引导作用,进一步激励企业加大研发投入,研发经费投入增幅不低于GDP的增幅。"
    assert title_for(text, tokenizer, {}).value == "研发经费投入"
    # without a role in front, a target set in words alone does not displace the first name
    plain = "加强政府债务限额管理,政府债务余额不超过限额。"
    assert title_for(plain, tokenizer, {}).value != "政府债务余额"


def test_growth_of_the_economy_is_led_by_development_and_reform_with_statistics(lexicon):
    topic, confidence = topic_for("地区生产总值增长7%左右。", "", lexicon)
    units, _ = units_for("地区生产总值增长7%左右。", topic, load_departments(), confidence)
    assert [u.name for u in units] == ["县发改委", "县统计局"]


def test_a_numbered_group_heading_is_no_title_of_its_items(lexicon, tokenizer):
    text = "二、城乡供水提升工程，建成东岙水厂二期"
    assert title_for(text, tokenizer, {}).value == "东岙水厂二期"
    assert "城乡供水提升工程" in aliases_for(text, lexicon, tokenizer, title="东岙水厂二期")
    assert title_for("二、城乡供水提升工程", tokenizer, {}).value != ""  # alone, it names


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # Nothing named before the figure: the thing its measure is of follows it.
        ("完成5550亩历史遗留矿山生态修复。", "遗留矿山生态修复"),
        ("1170件困难群体法律援助", "困难群体法律援助"),  # 件 counts things, as 个 does
        ("新建10件民生实事项目。", "民生实事项目"),
    ],
)
def test_the_thing_after_a_leading_figure_names_the_target(text, title, lexicon, tokenizer):
    assert title_for(text, tokenizer, lexicon.abbreviations).value == title


def test_a_place_counted_on_the_way_is_not_the_name(lexicon, tokenizer):
    found = title_for("红堡古道等4乡镇8村集中连片整村推进扶贫工程", tokenizer, {})
    assert found.value == "整村推进扶贫工程"


def test_an_aside_in_brackets_gives_no_title_or_alias(lexicon, tokenizer):
    """ "(责任单位:州水务局)" is cut at its colon only after it is gone: no "州水务局)"."""
    text = "新进改造城镇供排水管网265公里。(责任单位:州水务局)"
    title = title_for(text, tokenizer, lexicon.abbreviations).value
    assert title == "城镇供排水管网"
    aliases = aliases_for(text, lexicon, tokenizer, title=title)
    assert not any("局" in a or ")" in a for a in aliases)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # How far the work has got, or how large it is, follows the name.
        ("清社公路改造工程基本完工;", "清社公路改造工程"),
        ("火车站广场建设工程总占地2万平方米,已完成前期工作;", "火车站广场建设"),
        ("确保新兴小学秋季投入使用。", "新兴小学"),  # a season is when, not what
        # Who, then the work done for them: the work names the target.
        ("16010名义务教育段学生开展正脊筛查。", "正脊筛查"),
        # A stretch of road ("李沟段") leaves no bound 段 at the front of a cut name.
        ("西华路瓦沟河至李沟段拓宽改造工程,完成土地征用;", "拓宽改造工程"),
        ("出台紧密型医共体实施意见。", "紧密型医共体"),  # 实施意见 is a document, not work
    ],
)
def test_titles_leave_out_progress_size_seasons_and_whom(text, title, lexicon, tokenizer):
    assert title_for(text, tokenizer, lexicon.abbreviations).value == title


def test_column_labels_and_progress_are_no_aliases(lexicon, tokenizer):
    """ "牵头部门:市交通局" labels a column; "已整体投入运行" says how far the work has got."""
    title = "农村道路畅通工程"
    found = aliases_for("农村道路畅通工程,牵头部门:市交通局。", lexicon, tokenizer, title)
    assert "牵头部门" not in found
    found = aliases_for(
        "飞灰无害化处置项目,目前已整体投入运行。", lexicon, tokenizer, "飞灰无害化处置项目"
    )
    assert not any(a.startswith(("已", "目前")) for a in found)


def test_a_comparator_or_a_rise_to_a_figure_is_no_part_of_a_name(lexicon, tokenizer):
    found = aliases_for(
        "提升文化产业综合实力,文化及相关产业增加值占GDP比重提升至5%。",
        lexicon, tokenizer, "文化产业综合实力",
    )  # fmt: skip
    assert not any("提升至" in a for a in found)
    assert title_for("全省基层医疗机构门诊报销比=50%", tokenizer, {}).value == "门诊报销比"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("“新建梭鱼湾20号路”项目、", "梭鱼湾20号路"),  # a number before 号 names, not counts
        ("“改造1100万平方米老旧小区”", "老旧小区改造"),  # the work, then what it is done to
        ("完成7.4万口山坪塘整治。", "山坪塘整治"),  # 口 counts ponds, as 个 counts things
        ("“总投资2亿元的中子发生器项目开工建设”,", "中子发生器项目"),  # how far it has got
        ("“启动并建设完成新区供电线路工程,满足发展需要”", "新区供电线路工程"),
        ("基本民生保障方面,调增基础养老金。", "基本民生保障"),  # the area is no name
        ("“为先天性心脏病患儿手术治疗提供救助”", "患儿手术治疗救助"),  # 救助 alone says little
    ],
)
def test_titles_of_numbered_names_works_and_areas(text, title, lexicon, tokenizer):
    assert title_for(text, tokenizer, lexicon.abbreviations).value == title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # Too long: the words for the work at the end go before the thing's own words in front.
        ("农村饮水安全巩固提升工程,牵头部门:市水利局。", "农村饮水安全巩固"),
        ("水利薄弱环节治理三年行动,牵头部门:市水利局。", "水利薄弱环节治理"),
        ("农村敬老院运营服务能力提升：督促敬老院规范运营。", "农村敬老院运营"),
        ("加强城乡公益性公墓建设管理：推进公墓新建。", "城乡公益性公墓"),
        ("(二)中小学幼儿园网点建设补短板项目", "中小学幼儿园网点"),
        # ... but a cut from the front that keeps four characters of the thing stays.
        ("新开工老旧小区改造221个3万户。", "老旧小区改造"),
        ("完成316户农村低收入群体等重点对象危房改造", "重点对象危房改造"),
    ],
)
def test_a_long_name_loses_the_words_for_the_work_before_its_own(text, title, lexicon, tokenizer):
    assert title_for(text, tokenizer, lexicon.abbreviations).value == title


def test_whom_a_service_is_for_leaves_no_particle_in_its_name(lexicon, tokenizer):
    text = "为全区800户重残无业等困难残疾人提供了个性化居家养护服务"
    assert not title_for(text, tokenizer, lexicon.abbreviations).value.startswith("了")


@pytest.mark.parametrize(
    ("text", "title", "not_names"),
    [
        # The ledger's bookkeeping of a figure against its target names nothing.
        ("社会消费品零售总额:增长6.7%,低于目标1.8个百分点。", "消费品零售总额", ["低于目标"]),
        ("建成城市公共停车位22.72万个,占年度任务的113.6%。", "城市公共停车位", ["占年度任务"]),
        ("存量危房改造,全年任务为3800户,实际改造4559户。", "存量危房改造", ["实际改造"]),
        # Nor does the department that reports the figure, or how far the work has got.
        ("地区生产总值增长6%以上，区发展改革委：同比增长2.9%。", "地区生产总值", ["区发展改革委"]),
        ("改善教育基础条件方面,86%的项目已挂网招标。", "教育基础条件", ["项目已挂网招标"]),
    ],
)
def test_bookkeeping_departments_and_progress_are_no_aliases(
    text, title, not_names, lexicon, tokenizer
):
    found = aliases_for(text, lexicon, tokenizer, title=title)
    assert not set(not_names) & set(found)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # A report's verdict on the work follows its name.
        ("国家卫生县城和卫生乡镇创建已通过验收;", "卫生乡镇创建"),
        ("化工区防护林等项目已提前完成;", "化工区防护林"),  # 等 closes the examples
        ("新飞雁毛毯等项目已生产;", "新飞雁毛毯"),
        ("实际利用外资等均未达序时;", "实际利用外资"),
        # A first clause that only says when is no name.
        ("截至2013年12月底,城镇登记失业人数为19912人。", "城镇登记失业人数"),
        ("本年度,本市一产固定资产投资计划达到53亿元。", "一产固资计划"),  # 本市 reports it
    ],
)
def test_a_verdict_or_a_date_in_front_is_no_part_of_the_title(text, title, lexicon, tokenizer):
    assert title_for(text, tokenizer, lexicon.abbreviations).value == title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # who reports and what was planned open the sentence; the thing follows
        ("我市今年计划建成200公里农村公路,现已完成路面铺设216公里;", "农村公路"),
        ("另外,我市计划新建或改造80个社区便利店,现已超额完成93个;", "社区便利店"),
        ("五是棚户区改造1000套。", "棚户区改造"),
        # a verdict after the name, with or without a figure before it
        ("连江仁山撤渡建桥项目已落实到位;", "连江仁山撤渡建桥"),
        ("625个村庄规划编制工作已完成;", "村庄规划编制"),
        ("20公里休闲步行道已完成7.42公里,其中新店溪3.79公里;", "休闲步行道"),
        ("解决30万农村人口饮水安全问题项目已超额完成。", "农村人口饮水安全"),
        # but not whom it was done for, nor which of them ("已上报的")
        ("抓好已上报的16个专项债券项目、124个新增中央投资项目跟踪对接工作。", "专项债券项目"),
        # the work alone before 完成 names nothing; the verb between thing and work goes
        ("改造完成公交停靠站120个,完成任务数120%。", "公交停靠站"),
        ("主城区20条主次干道完成路灯改造。", "主次干道路灯改造"),
        # an increase compared with last year is no part of the name
        ("规模以上工业增加值同比增长10.1%,高于目标2.1个百分点;", "规上工业增加值"),
        ("外科医技楼并投入使用。", "外科医技楼"),
    ],
)
def test_report_prose_words_are_no_part_of_the_title(text, title, lexicon, tokenizer):
    assert title_for(text, tokenizer, lexicon.abbreviations).value == title


def test_a_list_of_places_is_no_alias(lexicon, tokenizer):
    text = "提供便民医疗服务方面,石嘴山市、中卫市已完成招标。"
    assert not any("、" in a for a in aliases_for(text, lexicon, tokenizer, "便民医疗服务"))


def test_where_the_work_is_done_is_no_title(lexicon, tokenizer):
    text = "在家长常住地100%保障入学:各县(市、区)均为100%。"
    assert title_for(text, tokenizer, lexicon.abbreviations).value == "保障入学"
