"""redaction/patterncache.py: the detector's patterns compiled from kept code are the patterns `re` makes."""

from __future__ import annotations

import marshal
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from redaction import patterncache

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ("De heer mr. J.A. van der Berg-Öztürk, projectleider", "jan.jansen@minbzk.nl 070-123 45 67",
           "ABC abc 123 \u00e9\u00e8 Zr.Ms. Karel Doorman", "", "x" * 50)


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    for s in SAMPLES:
        assert [m.span() for m in a.finditer(s)] == [m.span() for m in b.finditer(s)]


def test_kept_code_is_what_re_generates(tmp_path: Path) -> None:
    path = tmp_path / "p.marshal"
    patterns = [(r"(?P<naam>[A-Z]\w+)\s+(?:van\s+)?(?P=naam)", 0), (r"(?<!\w)0[1-9][\d -]{8,}", re.I),
                (r"[\u0410-\u044f]+|\b\d{4}\s?[A-Z]{2}\b", re.M | re.X), (r"(?i:Postbus)\s+\d+", 0)]
    with patterncache.compiling_from_cache(path) as first:
        made = [re.compile(p + "(?#first)", f) for p, f in patterns]
    assert first.fresh == len(patterns) and first.kept == 0
    re.purge()  # else re's own cache answers and nothing reaches the compiler
    with patterncache.compiling_from_cache(path) as second:
        again = [re.compile(p + "(?#first)", f) for p, f in patterns]
    assert second.kept == len(patterns) and second.fresh == 0
    re.purge()
    for (p, f), a, b in zip(patterns, made, again, strict=True):
        _same(a, b)
        _same(b, re.compile(p + "(?#first)", f))


def test_every_detector_pattern_from_the_cache_equals_re(tmp_path: Path) -> None:
    """The real detector's import in a fresh process, twice: the kept code equals re's for every pattern."""
    path = tmp_path / "p.marshal"
    script = ("import sys; from pathlib import Path; from redaction import patterncache as pc\n"
              "with pc.compiling_from_cache(Path(sys.argv[1])) as c:\n"
              "    import redaction.matchers.unregistered.detect\n"
              "print(c.kept, c.fresh)")
    runs = [subprocess.run([sys.executable, "-c", script, str(path)], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split() for _ in range(2)]
    assert int(runs[0][1]) > 200 and int(runs[0][0]) == 0       # the first generates (some hundreds)
    assert int(runs[1][0]) == int(runs[0][1]) and runs[1][1] == "0"  # the second takes them all from the file
    tag, entries = marshal.loads(path.read_bytes())
    assert tag == patterncache._TAG
    for (pattern, flags), entry in entries.items():
        assert entry == patterncache.generate(pattern, flags), pattern


def test_a_damaged_or_foreign_file_is_ignored_and_replaced(tmp_path: Path) -> None:
    path = tmp_path / "p.marshal"
    for content in (b"\x00garbage", marshal.dumps((("other python",), {("a", 0): (0, [], 0, {}, (None,))}))):
        path.write_bytes(content)
        re.purge()
        with patterncache.compiling_from_cache(path) as c:
            got = re.compile(r"dam(?:aged)?\d")
        assert c.fresh == 1 and got.fullmatch("damaged7")
        assert marshal.loads(path.read_bytes())[0] == patterncache._TAG


def test_unwritable_place_keeps_nothing_and_fails_nothing(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    re.purge()
    with patterncache.compiling_from_cache(blocked / "p.marshal") as c:
        assert re.compile(r"ro\d+").fullmatch("ro12")
    assert c.fresh == 1


def test_other_threads_and_failed_imports_keep_nothing(tmp_path: Path) -> None:
    """A pattern another thread compiles meanwhile may hold a dossier's names: it never reaches the file."""
    path = tmp_path / "p.marshal"
    original = re._compiler.compile  # type: ignore[attr-defined]
    re.purge()
    with patterncache.compiling_from_cache(path) as c:
        t = threading.Thread(target=re.compile, args=(r"Jansen-Bakker\d",))
        t.start()
        t.join()
        re.compile(r"vocabulaire\d")
    assert c.fresh == 1
    assert list(marshal.loads(path.read_bytes())[1]) == [(r"vocabulaire\d", 0)]
    re.purge()
    with pytest.raises(RuntimeError), patterncache.compiling_from_cache(tmp_path / "q.marshal"):
        re.compile(r"half\d")
        raise RuntimeError("import failed")
    assert not (tmp_path / "q.marshal").exists()
    assert re._compiler.compile is original  # type: ignore[attr-defined]
