"""YAML syntax errors as Dutch messages with a fix, at the place the writer has to look."""

from __future__ import annotations

from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.reader import ReaderError

from pipeline.errors import Diagnostic, Loc

# (part of ruamel's English problem, Dutch message, hint)
_PROBLEMS: tuple[tuple[str, str, str], ...] = (
    ("'\\t'", "een tab op deze plaats is in YAML niet toegestaan",
     "spring in met spaties, niet met tabs (stel de editor in op 'tabs als spaties')"),
    ("mapping values are not allowed", "een dubbele punt met een spatie erachter ': ' in een waarde",
     "zet de hele waarde tussen aanhalingstekens, of gebruik '|' voor een tekst over meerdere regels"),
    ("could not find expected ':'", "hier verwacht YAML 'naam: waarde'",
     "controleer of de regel een dubbele punt heeft en even ver inspringt als de velden erboven"),
    ("expected <block end>", "de inspringing klopt hier niet",
     "laat velden van hetzelfde niveau even ver inspringen (met spaties)"),
    ("expected <block mapping start>", "de inspringing klopt hier niet",
     "laat velden van hetzelfde niveau even ver inspringen (met spaties)"),
    ("did not find expected key", "de inspringing klopt hier niet, of een veld mist zijn dubbele punt",
     "laat velden van hetzelfde niveau even ver inspringen; schrijf 'naam: waarde'"),
    ("did not find expected '-' indicator", "een lijst-item zonder '- ' of met afwijkende inspringing",
     "begin elk item van een lijst met '- ' op dezelfde inspringing"),
    ("found unexpected end of stream", "het bestand houdt op midden in een waarde",
     "sluit de aanhalingstekens of haakjes die hier nog open staan"),
    ("expected the node content", "hier verwacht YAML nog een waarde, maar het bestand of de lijst houdt op",
     "vul de waarde in, of sluit de haakjes of aanhalingstekens die hier nog open staan"),
    ("expected escape sequence", "een onvolledige code na een backslash tussen dubbele aanhalingstekens",
     "schrijf \\\\ voor een backslash, of gebruik enkele aanhalingstekens"),
    ("found unknown escape character", "een onbekende code na een backslash tussen dubbele aanhalingstekens",
     "schrijf \\\\ voor een backslash, of gebruik enkele aanhalingstekens"),
    ("expected ',' or ']'", "een lijst tussen [ ] wordt niet goed afgesloten",
     "scheid de items met komma's en sluit af met ]; zet een item met een komma tussen aanhalingstekens"),
    ("expected ',' or '}'", "een verzameling tussen { } wordt niet goed afgesloten",
     "sluit af met }; zet een waarde met een komma tussen aanhalingstekens"),
    ("found character that cannot start any token", "dit teken kan een waarde niet beginnen",
     "zet de waarde tussen aanhalingstekens"),
    ("found undefined alias", "een verwijzing (*) naar een anker (&) dat niet bestaat",
     "schrijf de waarde uit, of zet de tekst tussen aanhalingstekens"),
    ("while scanning an alias", "een '*' aan het begin van een waarde is in YAML een verwijzing",
     "zet de waarde tussen aanhalingstekens"),
    ("while scanning an anchor", "een '&' aan het begin van een waarde is in YAML een anker",
     "zet de waarde tussen aanhalingstekens"),
    ("found character '@' that cannot start", "een waarde kan in YAML niet met '@' beginnen",
     "zet de waarde tussen aanhalingstekens: \"@id ...\""),
    ("found character '`' that cannot start", "een waarde kan in YAML niet met '`' beginnen",
     "zet de waarde tussen aanhalingstekens"),
    ("found character '%' that cannot start", "een waarde kan in YAML niet met '%' beginnen",
     "zet de waarde tussen aanhalingstekens"),
)


def yaml_problem(exc: MarkedYAMLError, display: str, raw: str) -> Diagnostic:
    """One Diagnostic for a YAML syntax error: Dutch, located, with the fix."""
    mark = exc.problem_mark or exc.context_mark
    loc = Loc(display, mark.line + 1, mark.column + 1) if mark else Loc(display)
    english = " ".join(str(p) for p in (exc.context, exc.problem) if p)
    for needle, message, hint in _PROBLEMS:
        if needle in english:
            if needle == "'\\t'" and mark is not None:
                loc = _first_tab(raw, mark.line, display) or loc
            return Diagnostic(loc, f"ongeldige YAML: {message}", hint)
    return Diagnostic(loc, f"ongeldige YAML ({(exc.problem or exc.context or '').strip()})",
                      "controleer inspringing, dubbele punten en aanhalingstekens")


def reader_problem(exc: ReaderError, display: str, raw: str) -> Diagnostic:
    """A character YAML does not accept at all (a control character pasted from Word or e-mail), at its place."""
    index = exc.position if isinstance(exc.position, int) else 0
    line = raw.count("\n", 0, index) + 1
    col = index - (raw.rfind("\n", 0, index) + 1) + 1
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
    return Diagnostic(Loc(display, line, col), f"het stuurteken U+{code:04X} kan niet in een document staan",
                      "haal het onzichtbare teken weg (het komt vaak mee bij plakken uit Word of e-mail)")


def _first_tab(raw: str, line0: int, display: str) -> Loc | None:
    """The tab itself: YAML reports the token after it, or the line's first non-space."""
    lines = raw.splitlines()
    for i in (line0, line0 - 1):
        if 0 <= i < len(lines) and "\t" in lines[i]:
            return Loc(display, i + 1, lines[i].index("\t") + 1)
    return None
