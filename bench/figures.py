"""The issue's four speed figures from one benchmark run's rows: each a ratio measured in that run, with its goal.

    woo/build clean          `pipeline woo` / `pipeline build`, both clean and cold (example dossier; corpus)
    edit / cold nota         rebuild after one paragraph, saved while `make watch` runs / one cold soffice of that
                             nota.docx (the fresh-process rebuild, row `edit`, is in the table: its floor is
                             Python's start and imports)
    first build / cold batch clean build with no warm LibreOffice / one cold soffice batch of its DOCX
    warm clean / cold batch  clean build with the warm LibreOffice / the same cold batch (goal: keep <= 0.65)
"""

from __future__ import annotations

# (figure id, label, goal, [(scope, numerator row, denominator row or None for the row's own baseline)])
FIGURES = [
    ("woo-over-build", "public build (woo) / signing build (build), clean, cold", 1.3,
     [("example", "example-woo", "example-cold"), ("corpus", "woo", "clean-cold")]),
    ("edit-over-cold-nota", "rebuild after 1 paragraph (running `make watch`) / one cold soffice of that nota", 0.35,
     [("watch", "edit-watch", None)]),
    ("first-build-over-cold-batch", "first build, no warm LibreOffice / one cold soffice batch of its DOCX", 1.0,
     [("example", "example-cold", None), ("corpus", "clean-cold", None)]),
    ("warm-clean-over-cold-batch", "clean build with the warm LibreOffice / one cold soffice batch (keep)", 0.65,
     [("example", "example-warm", None), ("corpus", "clean-warm", None)]),
]


def _seconds(row: dict, side: str) -> float | None:
    part = row.get(side)
    return part["seconds_median"] if part else None


def figures(rows: list[dict]) -> list[dict]:
    """Every figure per scope: the two medians it divides, the ratio, the goal and whether it is met."""
    by_id = {r["id"]: r for r in rows if "error" not in r}
    out = []
    for fig_id, label, goal, scopes in FIGURES:
        for scope, top, bottom in scopes:
            num_row, den_row = by_id.get(top), by_id.get(bottom) if bottom else by_id.get(top)
            if not num_row or not den_row:
                continue
            num = _seconds(num_row, "ours")
            den = _seconds(den_row, "ours") if bottom else _seconds(den_row, "baseline")
            if not num or not den:
                continue
            ratio = round(num / den, 2)
            out.append({"id": fig_id, "scope": scope, "label": label, "numerator": top,
                        "denominator": f"{bottom} (ours)" if bottom else f"{top} (LibreOffice baseline)",
                        "numerator_s": num, "denominator_s": den, "ratio": ratio, "goal": goal,
                        "met": ratio <= goal})
    return out


def table(figs: list[dict]) -> str:
    lines = ["figure                                                                   scope      ratio  goal   met",
             "-" * 98]
    for f in figs:
        lines.append(f"{f['label'][:72]:<72} {f['scope']:<8} {f['ratio']:>6.2f}x  {f['goal']:.2f}  "
                     f"{'yes' if f['met'] else 'NO'}  ({f['numerator_s']:.2f} s / {f['denominator_s']:.2f} s)")
    return "\n".join(lines)
