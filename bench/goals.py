"""The goals of issue 11, each with the figure measured in this run and met or not."""

from __future__ import annotations

from bench.report import NA, Figures, table, times, verdict

BLIND_2020 = "2020 ledger, blind questions"
DRAFTED_2020 = "2020 drafted ledger, blind questions"


def goal_rows(figures: Figures) -> list[list[str]]:
    rows: list[list[str]] = []

    def goal(text: str, figure: str | None, met: bool | None) -> None:
        rows.append([text, NA if figure is None else figure, verdict(met)])

    def ours(name: str):
        return figures.accuracy.get(name, {}).get("this project")

    blind = ours(BLIND_2020)
    for label, attribute, floor in (
        ("top-1", "top1_rate", 0.95),
        ("top-3", "top3_rate", 0.98),
        ("out of scope rejected", "oos_rate", 0.90),
        ("intents right", "request_rate", 0.90),
    ):
        value = getattr(blind, attribute) if blind else None
        goal(
            f"2020 blind set: {label} ≥ {floor:.0%}",
            None if value is None else f"{value:.1%}",
            None if value is None else value >= floor,
        )
    if figures.followups:
        right, total = figures.followups
        share = right / max(total, 1)
        note = "" if figures.followups_with_context else " (no conversation context)"
        goal("2020 blind conversations: follow-ups ≥ 85%", f"{share:.1%}{note}", share >= 0.85)
    else:
        goal("2020 blind conversations: follow-ups ≥ 85%", None, None)
    for name in figures.second_ledgers:
        mine = ours(name)
        goal(
            f"{name}: top-1 ≥ 92%",
            f"{mine.top1_rate:.1%}" if mine else None,
            mine.top1_rate >= 0.92 if mine else None,
        )
    # Issue 12: a drafted ledger answers within 3 points of the curated one, same questions.
    drafted, curated = ours(DRAFTED_2020), blind
    both = drafted is not None and curated is not None
    goal(
        "2020 drafted ledger: top-1 within 3 points of the curated ledger (blind questions)",
        f"{drafted.top1_rate:.1%} vs {curated.top1_rate:.1%}" if both else None,
        curated.top1_rate - drafted.top1_rate <= 0.03 if both else None,
    )
    for name in figures.set_names or list(figures.accuracy):
        reports = figures.accuracy.get(name, {})
        mine, bm25 = reports.get("this project"), reports.get("BM25 bigrams")
        both = mine is not None and bm25 is not None
        goal(
            f"{name}: top-1 never below BM25 bigrams",
            f"{mine.top1_rate:.1%} vs {bm25.top1_rate:.1%}" if both else None,
            mine.top1_rate >= bm25.top1_rate if both else None,
        )
    for label, median_cap, p99_cap in (("2020 ledger", 3, 5), ("synthetic 10,000", 3, 10)):
        row = figures.speed.get(label)
        for share, cap, name in ((0.5, median_cap, "median"), (0.99, p99_cap, "p99")):
            goal(
                f"{label}: per question {name} ≤ {cap}× BM25 (same run)",
                times(row.ratio(share)) if row else None,
                row.ratio(share) <= cap if row else None,
            )
    big = figures.speed.get("synthetic 10,000")
    goal(
        "index build ≤ 3 s at 10k (CPU)",
        f"{big.build_s:.2f} s CPU ({big.build_wall_s:.2f} s wall)" if big else None,
        big.build_s <= 3 if big else None,
    )
    at_10k = {key: spent for key, spent in figures.refresh_ms.items() if key[0] >= 10_000}
    if at_10k:
        worst = max(at_10k.values())
        seen = all(figures.refresh_visible[key] for key in at_10k)
        changes = ", ".join(change for _, change in at_10k)
        goal(
            "one admin change re-indexes only what changed: ≤ 50 ms at 10k",
            f"{worst:.0f} ms (worst of: {changes})" + ("" if seen else "; NOT seen"),
            worst <= 50 and seen,
        )
    else:
        goal("one admin change re-indexes only what changed: ≤ 50 ms at 10k", None, None)
    cold = figures.cold_start_s
    goal(
        "cold start of `python main.py ask` ≤ 1.0 s",
        None if cold is None else f"{cold:.2f} s",
        None if cold is None else cold <= 1.0,
    )
    syncs = figures.log_syncs
    goal(
        "the unmatched log never costs the asker a disk sync",
        None if syncs is None else f"{syncs:.2f} syncs per logged question on the asker's thread",
        None if syncs is None else syncs == 0,
    )
    return rows


def goals(figures: Figures) -> None:
    print(table(["goal (issue 11)", "measured in this run", ""], goal_rows(figures)))
