"""A figure naming what was checked ("对6家…机构进行督导") counts nothing done. Made-up texts."""

from bot.drafting.mentions import mentions, scope_of_a_step
from bot.drafting.pairing import pair_indicators


def test_the_works_a_check_looks_at_are_no_amount_done():
    text = "7月14日联合住建等部门对6家预建设托育机构进行半年度督导,已完成总进度70%。"
    (six, _share) = mentions(text)
    assert scope_of_a_step(six, text)
    found = pair_indicators("新增婴幼儿照护服务机构6家。", text)
    assert [(p.indicator.target, p.indicator.actual) for p in found if p.indicator.target] == [
        ("6", "")
    ]


def test_works_done_or_named_without_a_check_still_count():
    for text in ("已对6家托育机构完成改造", "对6家托育机构进行改造提升"):
        (six,) = mentions(text)
        assert not scope_of_a_step(six, text)
