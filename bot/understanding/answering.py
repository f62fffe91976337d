"""Turn one question into an answer: intent, matched targets and the reply text.

Transport-free: the Telegram bot, the console chat and `main.py ask` all call `Answerer.ask`,
with a `Conversation` when the question belongs to a chat (follow-ups such as “那PM2.5呢”).
The order of decisions: empty text → help → a follow-up on the conversation (“第二个呢”) →
a number reference (第12项, 十二号) → an everyday list (ranked, threshold, overdue, at risk)
→ a list by status, unit, category or deadline → a topic → a summary → a follow-up on the
last target (“谁负责”) → several targets → a single target by matching → help for weaker
cues (“怎么操作”) → unknown.

Rejection is calibrated on the ledger itself: a target is answered when it explains enough
of the question's informative bigrams (weighted by this ledger's IDF), or when one of its
phrases is written out; scores are compared as ratios, never against a fixed scale. Cues,
places and subjects of county work reject a question only when this ledger does not hold
them (`_out_of_scope`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import time

from bot.domain.ledger import (
    LedgerSpec,
    TargetSpec,
    strip_control_characters,
)
from bot.domain.status import as_of_label, compute_status
from bot.domain.unit_names import branch_names_of, former_names_of
from bot.render.replies import (
    NOT_A_WRITER,
    Examples,
    ledger_examples,
    render_candidates,
    render_guess,
    render_help,
    render_summary,
    render_unknown,
    suggestions_of,
)
from bot.understanding.asides import aside_reply
from bot.understanding.candidates import Candidate
from bot.understanding.collector import collector_paused
from bot.understanding.conversation import Answer, Conversation
from bot.understanding.cues import (
    ACCEPT_COVERAGE,
    AMBIGUOUS_RATIO,
    BAD_NUMBER_REF,
    CONFIDENT_COVERAGE,
    FOLLOW_FILLER,
    FREEZE_AT,
    HELP,
    HELP_WEAK,
    LAST_TARGET,
    PHRASE_COVERAGE,
    SUMMARY,
    TOPIC_CUE,
    WARM_AT,
    WEAK_AMBIGUOUS_RATIO,
    WRITING,
    any_word,
    number_reference,
    number_references,
    numbers_held,
    one_common_word,
)
from bot.understanding.figures import figure_token
from bot.understanding.followups import FollowUps
from bot.understanding.lexicon import FieldLexicon
from bot.understanding.list_cues import LIST_CUE
from bot.understanding.lists import ListAnswers
from bot.understanding.matching import LedgerIndex
from bot.understanding.misheard import MisheardKeys
from bot.understanding.places import own_level_said
from bot.understanding.precedence import Precedence
from bot.understanding.scope import ScopeChecks
from bot.understanding.supervision import SupervisionAnswers
from bot.understanding.target_answers import TargetAnswers
from bot.understanding.text import (
    chinese_number,
    has_content,
    mask_stopwords,
    normalize,
    normalize_many,
)
from bot.understanding.weights import AHEAD_MAX
from bot.understanding.whole_asks import asks_whole_ledger, warm_whole_asks


class Answerer(ListAnswers, ScopeChecks, FollowUps, TargetAnswers, Precedence, SupervisionAnswers):
    """Holds the ledger and its index; `refresh` after every change to the ledger."""

    def __init__(
        self, ledger: LedgerSpec, thesaurus: FieldLexicon, *, today: dt.date, tz: dt.tzinfo
    ) -> None:
        self.lexicon = self.thesaurus = thesaurus
        self.tz = tz
        self.today = today
        # One search tells whether a question holds any word of a lexicon list at all; only
        # then are the words checked one by one, in their order.
        self._any_topic = any_word(w for topic in thesaurus.topics for w in topic.asked)
        self._any_cue = any_word(thesaurus.out_of_scope_cues)
        self._any_place = any_word(thesaurus.other_places)
        self._any_subject = any_word(thesaurus.subjects)
        self._any_abbreviation = any_word(thesaurus.abbreviations)
        self._misheard = MisheardKeys(thesaurus.synonyms)
        self._filler = thesaurus.stopwords | thesaurus.whole_ledger
        self.index: LedgerIndex | None = None
        with collector_paused():  # the index, its topics and `_warm`'s statuses and cards
            self.refresh(ledger)

    def refresh(self, ledger: LedgerSpec, today: dt.date | None = None) -> set[int]:
        """Take the ledger as it is now; only the targets that changed are re-indexed."""
        self.ledger = ledger
        self.by_number = ledger.by_number()
        if today is not None:
            self.today = today
        first = self.index is None
        if self.index is None:
            self.index = LedgerIndex(ledger, self.lexicon)
            changed = set(self.by_number)
        else:
            before = dict(self.index.docs)
            changed = self.index.update(ledger)
            self._recount_words(changed, before)
        self._order = {t.number: n for n, t in enumerate(ledger.targets)}
        self._preamble = "\n".join(normalize_many([ledger.preamble]))
        self.accept_coverage = self._accept_coverage()
        # longest first, then by name: a set's order changes with the hash seed
        self.unit_names = sorted(
            {u.name for t in ledger.targets for u in t.units}, key=lambda n: (-len(n), n)
        )
        # The forms a question may name each unit by, longest name first (built once here).
        self._unit_forms: list[tuple[str, tuple[str, ...]]] = []
        for name in self.unit_names:
            short = name.removeprefix("县").removeprefix("市")
            forms = [name, short, short.removesuffix("局"), short.removesuffix("委")]
            if short.endswith("局") and len(short) > 3:
                forms.append(short[:2] + "局")  # 金融工作局 → 金融局
            forms += former_names_of(name, self.unit_names) + branch_names_of(
                name, self.unit_names
            )
            self._unit_forms.append((name, tuple(f for f in dict.fromkeys(forms) if len(f) >= 2)))
        self._any_unit = any_word(f for _, forms in self._unit_forms for f in forms)
        self._names: dict[str, str] = getattr(self, "_names", {})  # indicator name -> normalised
        # word -> (targets whose texts use it, targets whose title or alias does), counted on
        # first use and kept up to date by `_recount_words` as targets change.
        self._word_counts: dict[str, list[int]] = getattr(self, "_word_counts", {})
        # Per-target caches, checked against the target object (a refresh brings new ones).
        self._statuses: dict[int, tuple[TargetSpec, dt.date, str]] = getattr(self, "_statuses", {})
        self._ratios: dict[int, tuple] = getattr(self, "_ratios", {})  # `_ratios_of`, by target
        # A target's reply card, by the indicator it leads with (-1: none), until it changes.
        self._cards: dict[int, tuple[TargetSpec, dt.date, dict[int, str]]] = getattr(
            self, "_cards", {}
        )
        for cache in (self._statuses, self._ratios, self._cards):
            for number in [n for n in cache if n not in self.by_number]:
                del cache[number]
        self._memo: dict[str, tuple[int, list[Candidate]]] = {}
        self._absent_subject: tuple[str, bool] | None = None  # (text, `_names_absent_subject`)
        self._listed: dict[int, tuple[object, int]] = {}  # `_parts_listed`, by target
        self._examples: Examples | None = None  # made on first use
        self._groups: dict[tuple[str, str], list[TargetSpec]] | None = None  # made on first use
        self._summary: tuple[dt.date, str] | None = None  # (day, reply) until the next refresh
        self._unit_rows: tuple[dt.date, list] | None = None  # the unit board, the same way
        self._risks: tuple[dt.date, list, dict] | None = None  # `_risks_today`, the same way
        if first:
            self._topic_members = self._all_topic_members()
            self._warm()
            if len(ledger.targets) >= FREEZE_AT:
                # A big index lives as long as the process: keep the collector from rescanning
                # its millions of objects, which otherwise stalls a question now and then.
                gc.freeze()
            else:  # the build's objects out of the young generations now, not in a question's
                gc.collect(1)  # collection (nor, scanned twice, in the first one after the build)
        else:
            self._topic_members = self._refreshed_topic_members(changed)
        return changed

    @property
    def examples(self) -> Examples:
        """The questions help and "no target matches" suggest, naming what this ledger holds."""
        if self._examples is None:
            self._examples = ledger_examples(self.ledger)
        return self._examples

    def _warm(self) -> None:
        """Do at build what the first questions would each pay for once: whether the ledger
        holds each out-of-scope cue, place, subject and topic word of the lexicon, and the
        lexicon's tables; for a big one (`WARM_AT`) cn2an, statuses, summary, list groups,
        at-risk rows, the unit board; a small one (`AHEAD_MAX`): statuses, all cards, its
        indicator names normalised."""
        lexicon = self.lexicon
        asked = (w for topic in lexicon.topics for w in topic.asked)  # `_only_a_topic`'s
        for word in (*lexicon.out_of_scope_cues, *lexicon.other_places, *lexicon.subjects, *asked):
            self._counts(word)
        self._warm_lexicon()
        if self._preamble:  # a summary question is asked of it
            warm_whole_asks(self._filler)
        if len(self.ledger.targets) >= WARM_AT:
            chinese_number("十二")  # imports cn2an (0.1 s), which a small ledger's CLI run skips
            for t in self.ledger.targets:
                self.status(t)
            self._summary_text()
            self._pool({}, None, None)
            self._risks_today()
            self._warm_unit_board()
        elif len(self.ledger.targets) <= AHEAD_MAX:
            for t in self.ledger.targets:
                self.status(t)  # what the first list question would work out for all
                for lead in (None, *(i for i in t.indicators if i.actual or i.target)):
                    self._card(t, lead)  # its replies, as its index works out its phrases
                for ind in t.indicators:  # the names a figure question is compared with
                    self._names.setdefault(ind.name, normalize(ind.name))

    def ask(
        self, question: str, conversation: Conversation | None = None, *, now: float | None = None
    ) -> Answer:
        """Answer one question (a turn of `conversation`, when given); never raises on any text.

        Control characters are stripped, not refused: `Answer.question` (what the unmatched
        log stores) never holds one, and a NUL never reaches the database.
        """
        question = strip_control_characters(question)
        moment = time.monotonic() if now is None else now
        self._memo.clear()  # scores hold only within one question (the index may change)
        self._absent_subject = None  # `_names_absent_subject`, the same way
        context = conversation if conversation and conversation.fresh(moment) else None
        q = own_level_said(self._misheard.mend(normalize(question), self._writes), self.index)
        answer = self._decide(question, q, context)
        if conversation is not None:
            conversation.remember(answer, moment)
        return answer

    def _writes(self, bigram: str) -> bool:
        """Whether some target's texts or aliases write `bigram`."""
        return bigram in self.index.postings or self.index.alias_df[bigram] > 0

    def names_something(self, text: str) -> bool:
        """Whether `text` holds words besides question words and filler ("哪些", "完成了吗"
        hold none): only such words can find a target, as an alias or a question."""
        return has_content(mask_stopwords(LIST_CUE.sub(" ", normalize(text)), self._filler))

    def _decide(self, question: str, q: str, context: Conversation | None) -> Answer:
        if not has_content(q):
            return self._unknown(
                question, reply_prefix="请输入要查询的问题。", alias_candidate=False
            )
        if HELP.search(q):
            return Answer(question, "help", (), render_help(self.examples))
        stepped = self._list_step(question, q, context) or self._these_aspect(question, q, context)
        if stepped is not None:
            return stepped
        today = (self.today, self.ledger.year, self.tz)  # "今天几号"
        held = bool(context and context.targets)
        aside = aside_reply(q, has_target=held, examples=self.examples, today=today)
        if aside is not None and not self._figure_alone(q):
            return self._unknown(question, reply_prefix=aside, alias_candidate=False)
        workflow = self._supervision_answer(question, q, context)  # 销号, 佐证材料, changes
        if workflow is not None:
            return workflow
        if context is not None and context.targets and LAST_TARGET.search(q):
            last = self._last_target(q, context)
            if last is not None:  # "那它排第几": its rank, as "排第几" alone asks
                core = FOLLOW_FILLER.sub("", FOLLOW_FILLER.sub("", q).strip())  # 那, then 它
                rank = self._asks_only_a_rank(core.strip())
                return self._target_answer(question, q, last, (), aspect="rank" if rank else None)
        if (bad := BAD_NUMBER_REF.search(q)) is not None:
            said = bad.group().replace(" ", "")
            return self._unknown(
                question, reply_prefix=f"{said}不是目标序号。{numbers_held(self.by_number)}"
            )
        number = number_reference(q)
        if number is not None:
            numbers = number_references(q)
            if len(numbers) > 1 and all(n in self.by_number for n in numbers):
                # "12号和13号", "第3项、第5项": each target, as for several named at once.
                cards = "\n\n".join(self._card(self.by_number[n]) for n in numbers)
                return Answer(question, "target", numbers, cards, filter={"multi": True})
            if number in self.by_number:
                return self._target_answer(question, q, self.by_number[number], ())
            if not self._holds_figure(q, number):  # "确定事项11项的那次" counts, not numbers
                return self._unknown(
                    question,
                    reply_prefix=f"台账中没有第{number}项目标（共{len(self.ledger.targets)}项）。"
                    + numbers_held(self.by_number),
                    alias_candidate=False,
                )
        if WRITING.search(q):
            # A text to be written for the asker ("帮我起草一份年终总结"): no ledger holds it,
            # whatever ledger words (总结, a target's name) it mentions.
            return self._unknown(question, reply_prefix=NOT_A_WRITER)
        if self._names_absent_subject(q):
            # A subject this ledger never mentions (事故, 景区…) is no list of its targets
            # either: "今年安全生产事故有几起" is not the 安全稳定 category.
            return self._unknown(question)
        if asks_whole_ledger(q, self._preamble, self._filler, self._ledger_mentions, self._counts):
            # "会议确定事项总体完成情况" in the preamble's words: the summary, whatever target
            # or topic holds those words too
            return Answer(question, "summary", (), self._summary_text())
        specials = (self._status_share, self._ranked_units, self._ranked_targets)
        for special in (*specials, self._threshold_list):
            answer = special(question, q)
            if answer is not None:
                return self._one_listed(question, q, answer)
        listed = self._one_listed(question, q, self._list_answer(question, q))
        if listed is not None:
            return listed
        topic = self._topic_answer(question, q)
        if topic is not None:
            return topic
        texts = self._text_list(question, q)
        if texts is not None:
            return texts
        if (SUMMARY.search(q) or self._names_nothing(q)) and not self._asks_of_items(q):
            return Answer(question, "summary", (), self._summary_text())
        # Several targets named outright ("新增贷款、造林、PM2.5怎么样") are each answered,
        # before a follow-up could read the one last asked about as the whole question.
        multi = self._multi_answer(question, q)
        if multi is not None:
            return multi
        if context is not None:
            follow = self._follow_up(question, q, context)
            if follow is not None:
                return follow
        return self._match_answer(question, q)

    def _accept_coverage(self) -> float:
        """The coverage a leading target needs on this ledger: ACCEPT_COVERAGE when every
        target has aliases of its own (`LedgerIndex._says_more`: not what a draft makes),
        PHRASE_COVERAGE when none has, in proportion between."""
        share = self.index.own_aliases / self.index.count
        return PHRASE_COVERAGE + (ACCEPT_COVERAGE - PHRASE_COVERAGE) * share

    def _summary_text(self) -> str:
        """The summary reply, made once per refresh and day (a big ledger takes milliseconds)."""
        if self._summary is None or self._summary[0] != self.today:
            text = render_summary(self.ledger, self.today, self.data_date(), status_of=self.status)
            self._summary = (self.today, text)
        return self._summary[1]

    def data_date(self) -> str:
        """When the figures were last updated, and the day statuses are computed for."""
        stamps = [t.updated_at for t in self.ledger.targets if t.updated_at is not None]
        latest = max(stamps).astimezone(self.tz).date().isoformat() if stamps else "—"
        return f"{latest}（最近一次更新），统计日{as_of_label(self.today, self.ledger.year)}"

    def status(self, target: TargetSpec) -> str:
        """The target's status today, cached until the target or the day changes."""
        cached = self._statuses.get(target.number)
        if cached is not None and cached[0] is target and cached[1] == self.today:
            return cached[2]
        status = compute_status(target, self.today)
        self._statuses[target.number] = (target, self.today, status)
        return status

    def _holds_figure(self, q: str, number: int) -> bool:
        """Whether some target holds `number` as a figure the question writes with a unit."""
        postings = self.index.postings
        return any(
            value == number and figure_token(value, kind) in postings
            for value, kind, _ in self.index.figures_in(q)
        )

    def _scored(self, q: str, leading: int = 5) -> list[Candidate]:
        """Scores for normalised text, computed once per question however often asked; only
        the `leading` best are sure to be there, which is all any decision looks at."""
        found = self._memo.get(q)
        if found is None or found[0] < leading:
            if len(self._memo) > 16:
                self._memo.clear()
            found = self._memo[q] = (leading, self.index.score(q, normalized=True, limit=leading))
        return found[1]

    def _match_answer(self, question: str, q: str) -> Answer:
        candidates = self._by_evidence(self._scored(q), q)
        candidates = self._level_first(self._longer_named_first(candidates), q)
        candidates = self._plain_first(self._level_apart(candidates, q), q)
        candidates = self._qualifier_last(candidates, q)
        candidates, whole = self._part_first(candidates)
        best = self.by_number[candidates[0].number] if candidates else None
        # A part set before its whole (`_part_first`) was trusted there.
        trusted = bool(candidates) and (whole is not None or self._trusted(candidates[0]))
        if not trusted and HELP_WEAK.search(q) and not self._names_cue(q):
            # A "可能是…" guess is by definition no target explaining the question, so a weak
            # help cue wins over it as it does over "no target matches".
            return Answer(question, "help", (), render_help(self.examples))
        guess = bool(candidates) and not trusted and self._leads_alone(candidates, q)
        # Under that, several weak candidates are offered to choose from, unless out of scope.
        maybe = not (trusted or guess) and self._may_be(candidates, q)
        if not (trusted or guess or maybe) or self._out_of_scope(q, best):
            return self._unknown(question, candidates=tuple(candidates[:5]))
        if maybe:
            return self._guesses(question, candidates)
        if guess:
            answer = self._target_answer(question, q, best, tuple(candidates[:5]))
            return dataclasses.replace(answer, reply=render_guess(answer.reply), confident=False)
        top = candidates[0].score
        confident = self._confident(candidates[0])
        # Weak evidence needs a clearer lead before one target is answered outright.
        ratio = AMBIGUOUS_RATIO if confident else WEAK_AMBIGUOUS_RATIO
        # A vague question ("敬老院的事") that several targets explain in full is ambiguous
        # however their scores compare.
        vague = bool(TOPIC_CUE.search(q)) and candidates[0].coverage >= CONFIDENT_COVERAGE
        close = [
            c
            for c in candidates[:3]
            if (c.score >= top * ratio or (vague and c.coverage >= candidates[0].coverage))
            and self._trusted(c)
            and c.number != whole
        ]
        if len(close) >= 3 and one_common_word(close):
            # Three or more targets alike, by one word of their body texts and nothing else
            # (县里有几个乡镇): the word is common ground, not what any target is about.
            return self._unknown(question, candidates=tuple(candidates[:5]))
        if len(close) > 1:
            targets = tuple(c.number for c in close)
            specs = [self.by_number[n] for n in targets]
            return Answer(
                question,
                "target",
                # The others after them, each once (a close one may stand after one that is not).
                targets + tuple(c.number for c in candidates[:5] if c.number not in targets),
                render_candidates(specs),
                candidates=tuple(candidates[:5]),
                ambiguous=True,
                confident=confident,
                choices=len(close),
            )
        answer = self._target_answer(question, q, best, tuple(candidates[:5]))
        return answer if confident else dataclasses.replace(answer, confident=False)

    def _unknown(
        self,
        question: str,
        *,
        reply_prefix: str = "",
        candidates: tuple[Candidate, ...] = (),
        alias_candidate: bool = True,
    ) -> Answer:
        reply = render_unknown(suggestions_of(self.examples))
        if reply_prefix:
            reply = reply_prefix + "\n" + reply.split("\n", 1)[-1]
        return Answer(
            question, "unknown", (), reply, candidates=candidates, confident=False,
            alias_candidate=alias_candidate,
        )  # fmt: skip
