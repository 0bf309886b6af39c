"""Write redaction/matchers/woorden.txt: the most frequent Dutch words, from wordfreq.

The redaction asks a person instead of guessing when a registered surname (or paraaf) is also
an ordinary word or a place ("Koning", "Post", "Haag", "EU"). Which words are ordinary comes
from wordfreq (https://github.com/rspeer/wordfreq, data CC BY-SA 4.0): every Dutch word with
a Zipf frequency of at least 4.5 (once in about 30,000 words of running text). The package
itself (56 MB, almost all of it other languages, and a second to load) is not a runtime
dependency: run this once after changing the threshold or the wordfreq version.

    .venv/bin/pip install wordfreq==3.1.1 && .venv/bin/python tools/woordenlijst.py
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

from wordfreq import top_n_list, zipf_frequency  # type: ignore[import-not-found]

THRESHOLD = 4.5
OUT = Path(__file__).resolve().parent.parent / "redaction" / "matchers" / "woorden.txt"


def main() -> None:
    words = sorted({w for w in top_n_list("nl", 20000) if w.isalpha() and zipf_frequency(w, "nl") >= THRESHOLD})
    header = (
        f"# Dutch words with a Zipf frequency >= {THRESHOLD} in wordfreq {version('wordfreq')} (data CC BY-SA 4.0,\n"
        "# https://github.com/rspeer/wordfreq). Written by tools/woordenlijst.py; do not edit by hand.\n"
    )
    OUT.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(words)} woorden")


if __name__ == "__main__":
    main()
