"""Topic questions ("教育方面怎么样", "安全生产怎么样"): the targets a lexicon topic holds on
this ledger, a topic it holds none of said so, and when a topic word yields to one target
(split from `scope.py`; `ScopeChecks` inherits it)."""

from __future__ import annotations

import functools
import re

from bot.understanding.conversation import Answer
from bot.understanding.cues import PROGRESS_CUE, SUMMARY, TOPIC_CUE
from bot.understanding.generic_lead import words_mask
from bot.understanding.lexicon import Topic
from bot.understanding.text import has_content, mask_stopwords

# The Chinese characters right after a topic's word: the head it may qualify.
_HEAD = re.compile(r"[\u4e00-\u9fff]*")
_NUMERALS = "零一二两三四五六七八九十百千万亿几多"


class TopicAnswers:
    """The topic lists of `Answerer` (bot.understanding.answering)."""

    @functools.cached_property
    def _topics_by_first(self) -> dict[str, tuple[tuple[str, int], ...]]:
        """Each topic's words by their first character ("" for an empty word), with the
        topic's place in the lexicon: a question looks up its own characters only."""
        found: dict[str, list[tuple[str, int]]] = {}
        for n, topic in enumerate(self.lexicon.topics):
            for word in topic.asked:
                found.setdefault(word[:1], []).append((word, n))
        return {first: tuple(words) for first, words in found.items()}

    def _topic_of(self, q: str) -> Topic | None:
        """The first topic of the lexicon that `q` writes a word of."""
        if self._any_topic is None or not self._any_topic.search(q):
            return None
        by_first, first = self._topics_by_first, None
        for ch in {*q, ""}:  # every word `q` writes starts with one of its characters
            for word, n in by_first.get(ch, ()):
                if (first is None or n < first) and word in q:
                    first = n
        return None if first is None else self.lexicon.topics[first]

    def _topic_answer(self, question: str, q: str) -> Answer | None:
        cued = TOPIC_CUE.search(q) is not None
        if not cued and not self._only_a_topic(q):
            return None
        joined = self._joined_topics(question, q)
        if joined is not None:
            return joined
        topic = self._topic_of(q)
        if topic is None:
            return self._word_list(question, q)
        # Put in ledger order only for the list: most topic questions end before it.
        held = self._topic_members.get(topic.name, set())
        if held and self._heads_unheld_thing(q, topic):
            # "森林防火工作怎么样" of no fire prevention, when no target is found for it either,
            # not even as a guess ("给老人家免费体检的事": 老人 of 老人家, a guess's word)
            scored = self._scored(q)
            if not (scored and (self._trusted(scored[0]) or self._leads_alone(scored, q))):
                return self._unknown(question)
        if not held and self._only_a_topic(q):
            # "殡葬怎么样" on a ledger with no such target: say so, and what it is about
            return self._no_topic_target(question, topic)
        if len(held) < 2:
            # Matching would explain only a piece of the topic's word (生产 of 安全生产 for a
            # 生产总值 target): the topic's one target answers, cued or not.
            pieces = self._topic_word_pieces(q, topic)
            if not cued and not pieces:
                return None  # "财政怎么样" of a topic of one target: matching answers it
            # One target is a target question, answered by matching; when no target explains
            # it well, by the topic's one target ("财政怎么样": the 一般公共预算收入).
            scored = self._scored(q)
            if held and not (scored and self._trusted(scored[0]) and not pieces):
                if not self._says_more_than(q, held):
                    return self._target_answer(question, q, self.by_number[min(held)], ())
            return None
        if len(held) == len(self.ledger.targets) and SUMMARY.search(q):
            return None  # "教育这块总体怎么样" on a ledger all of education: the summary
        if self._specific_topic(q) and not self._only_a_topic(q):
            best = self._scored(q)[0]
            if not any(r.text in topic.asked or r.text == topic.name for r in best.reasons[:1]):
                return None
        if (
            not self._only_a_topic(q)
            and self._one_target_explains(q)
            and not self._topic_word_pieces(q, topic)
        ):
            # "县乡医院抱团…的事": the topic word is one part of one target's thing; not the
            # topic's word alone ("交通怎么样"), which one target writes in passing (交通路口)
            return None
        if self._says_more_than(q, held):
            return None  # "政府发债修项目那块争取得怎么样": 发债 is the thing, 项目 its topic
        numbers = sorted(held, key=self._order.__getitem__)
        title = f"“{topic.name}”相关的目标"
        return self._list(
            question, title, [self.by_number[n] for n in numbers], {"topic": topic.name}
        )

    def _only_a_topic(self, q: str) -> bool:
        """ "教育怎么样", "安全生产进展如何", a bare "交通": a topic's word (and how it goes),
        nothing else, is asked of the topic as "教育方面怎么样" is."""
        topic = self._topic_of(q)
        if topic is None:
            return False
        if not (PROGRESS_CUE.search(q) or TOPIC_CUE.search(q)):  # not "经济增速达标没有"
            bare = q.strip(" ?？。!！")
            if bare != topic.name and bare not in topic.asked:
                return False
        rest = PROGRESS_CUE.sub(" ", TOPIC_CUE.sub(" ", q))
        for word in sorted(topic.asked, key=len, reverse=True):
            if word in rest:
                if self._names_targets(
                    word, topic
                ):  # "贷款怎么样", "低保怎么样": a target's own name
                    return False
                rest = rest.replace(word, " ")
        return not has_content(mask_stopwords(rest, self._filler))

    def _heads_unheld_thing(self, q: str, topic: Topic) -> bool:
        """The topic's word qualifies a head written right after it that no text of the ledger
        writes, words of work, filler and topic cues aside ("森林防火": 防火 of a thing done in
        forests, not the 生态环保 its targets are): the question asks of that thing."""
        rest = mask_stopwords(PROGRESS_CUE.sub(" ", TOPIC_CUE.sub(" ", q)), self._filler)
        generic = words_mask(rest, self.lexicon.generic)
        rest = "".join(" " if g else ch for ch, g in zip(rest, generic, strict=True))
        for word in topic.asked:
            at = rest.find(word)
            while at >= 0:
                head = _HEAD.match(rest, at + len(word)).group()
                if (
                    len(head) >= 2
                    and self._is_head(head)
                    and not any(self._writes(head[i : i + 2]) for i in range(len(head) - 1))
                ):
                    return True
                at = rest.find(word, at + 1)
        return False

    def _is_head(self, head: str) -> bool:
        """Not another topic's word ("教育医疗") nor a figure ("增速两位数"): a thing."""
        return head[0] not in _NUMERALS and self._topic_of(head) is None

    def _names_targets(self, word: str, topic: Topic) -> bool:
        """A topic's word that names targets rather than their field: a whole title, alias or
        indicator name ("贷款", "就业" where an alias is just that), or a narrower word than the
        topic's name that titles or aliases write ("低保", "税收"). The field's own name ("医疗"
        of 医疗卫生, "工业") is the field's even where names hold it: its list answers, where the
        ledger holds one ("项目" of 项目建设 on a ledger of no such topic names its projects)."""
        if word in self.index.phrases:
            return True
        listed = word in topic.name and len(self._topic_members.get(topic.name, ())) > 1
        return not listed and self._ledger_names(word)

    def _topic_word_pieces(self, q: str, topic: Topic) -> bool:
        """The leading target's only evidence is part of the topic's word as `q` writes it
        (生产 of 安全生产 for a 生产总值 target): it explains the word's piece, not the topic."""
        best = (self._scored(q) or [None])[0]
        asked = [w for w in topic.asked if w in q]
        return (
            best is not None
            and bool(best.reasons)
            and all(
                r.kind == "bm25" and any(r.text in w and r.text != w for w in asked)
                for r in best.reasons
            )
        )

    def _no_topic_target(self, question: str, topic: Topic) -> Answer:
        """A topic this ledger holds no target of: say so, and name the topics it holds."""
        held = [name for name, members in self._topic_members.items() if members]
        line = f"{self.ledger.year}年台账中没有“{topic.name}”方面的目标。"
        if held:
            line += f"台账涉及的方面有：{'、'.join(held)}（发送 /help 查看用法）。"
        return self._unknown(question, reply_prefix=line, alias_candidate=False)

    @functools.cached_property
    def _topic_words(self) -> tuple[str, ...]:
        """Every topic's names and words, longest first."""
        words = {w for t in self.lexicon.topics for w in (t.name, *t.asked, *t.words)}
        return tuple(sorted(words, key=len, reverse=True))

    def _says_more_than(self, q: str, members: set[int]) -> bool:
        """Besides topic words (this topic's, or another's as in "林业和矿山方面"), filler and the
        words that ask after a topic, the question names two characters or more of its own,
        and a target explains it all, or one of the topic's leads alone ("农村娃娃在学校吃饭的
        事": 学校 is the topic, the meals one of its targets)."""
        rest = TOPIC_CUE.sub(" ", q)
        for word in self._topic_words:
            rest = rest.replace(word, " ")
        rest = mask_stopwords(rest, self._filler)
        if sum(ch.isalnum() for ch in rest) < 2:
            return False
        candidates = self._scored(q)
        if not candidates:
            return False
        if self._trusted(candidates[0]):
            return True
        return candidates[0].number in members and self._leads_alone(candidates, q)

    def _all_topic_members(self) -> dict[str, set[int]]:
        """Every topic's targets, each topic word looked for only where the index says it
        can be (kept up to date by `refresh` for the targets that change)."""
        members: dict[str, set[int]] = {topic.name: set() for topic in self.lexicon.topics}
        texts: dict[int, str] = {}
        for topic in self.lexicon.topics:
            found = members[topic.name]
            for word in topic.words:
                numbers = self.index.numbers_with(word)
                for number in self.index.docs if numbers is None else numbers:
                    if number in found:
                        continue
                    text = texts.get(number)
                    if text is None:
                        text = texts[number] = self._topic_text(number)
                    if word in text:
                        found.add(number)
        self._raw_topic_members = members
        return self._settled_topics(members)

    def _refreshed_topic_members(self, changed: set[int]) -> dict[str, set[int]]:
        """Every topic's targets again, those in `changed` looked up anew."""
        raw = self._raw_topic_members
        for number in changed:
            for members in raw.values():
                members.discard(number)
            if number in self.index.docs:
                for name in self._topics_of(number):
                    raw.setdefault(name, set()).add(number)
        return self._settled_topics(raw)

    def _settled_topics(self, raw: dict[str, set[int]]) -> dict[str, set[int]]:
        """The topics' targets without those a topic's passing words alone put in it and
        another topic holds (农村低保 is 低保's, not 农业农村's), where two or more are left
        by its own words: on a ledger with fewer, its passing words are what it is about."""
        settled = {name: set(members) for name, members in raw.items()}
        for topic in self.lexicon.topics:
            members = raw.get(topic.name, set())
            if not topic.passing or len(members) < 2:
                continue
            passing = {
                n
                for n in members
                if not topic.holds_by_own(self._topic_text(n))
                and any(n in others for name, others in raw.items() if name != topic.name)
            }
            if len(members - passing) >= 2:
                settled[topic.name] = members - passing
        return settled
