"""Unit names as admins type them resolve to known units, never to a silent new one."""

import pytest

from bot.domain.unit_names import (
    UnitMatch,
    UnitNotFound,
    branch_names_of,
    resolve_assign_args,
    resolve_unit_name,
)

NAMES = ["县卫健委", "县人民医院", "县财政局", "县自然资源局", "县税务局", "市生态环境局西平分局"]


@pytest.mark.parametrize(
    ("given", "name"),
    [
        ("县卫健委", "县卫健委"),
        ("卫健委", "县卫健委"),
        ("卫生局", "县卫健委"),
        ("县卫生局", "县卫健委"),
        ("卫计委", "县卫健委"),
        ("国土局", "县自然资源局"),
        ("环保局", "市生态环境局西平分局"),
        ("财政", "县财政局"),
    ],
)
def test_known_units_resolve(given, name):
    assert resolve_unit_name(given, NAMES).name == name


def test_the_note_says_how_a_name_was_read():
    assert resolve_unit_name("县卫健委", NAMES) == UnitMatch("县卫健委", "")
    assert resolve_unit_name("卫生局", NAMES).note == "“卫生局”即县卫健委（机构改革后的名称）"
    assert resolve_unit_name("卫健委", NAMES).note == "“卫健委”即县卫健委（台账中的全称）"


def test_an_unknown_or_ambiguous_name_is_refused_with_what_to_type():
    with pytest.raises(UnitNotFound, match="请写全称并在最后加“新单位”"):
        resolve_unit_name("县档案馆", NAMES)
    with pytest.raises(UnitNotFound, match="可能是：县财政局、县税务局"):
        resolve_unit_name("局", ["县财政局", "县税务局"])


def test_assign_arguments():
    assert resolve_assign_args("35 卫生局 牵头", NAMES) == (
        "35 县卫健委 牵头",
        "“卫生局”即县卫健委（机构改革后的名称）",
    )
    assert resolve_assign_args("35 县档案馆 配合 新单位", NAMES) == (
        "35 县档案馆 配合",
        "（新增单位：县档案馆）",
    )
    assert resolve_assign_args("35", NAMES) == ("35", "")


def test_a_county_branch_of_a_higher_body_goes_by_the_body_and_its_own_kind():
    names = [
        "市环境保护局东川分局",
        "人行东川县支行",
        "农发行东川县支行",
        "国网东川县供电公司",
        "县交通运输局",
        "县人民医院",
        "县委办",
    ]
    assert branch_names_of("市环境保护局东川分局", names) == ["环境保护局"]
    assert branch_names_of("人行东川县支行", names) == ["人行"]
    assert branch_names_of("农发行东川县支行", names) == ["农发行"]
    assert branch_names_of("国网东川县供电公司", names) == ["国网", "供电公司"]
    for unit in ("县交通运输局", "县人民医院", "县委办"):
        assert branch_names_of(unit, names) == []
    # a body two branches share names neither
    assert branch_names_of("人行东川县支行", [*names, "人行西川县支行"]) == []
