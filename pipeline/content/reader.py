"""Typed access to the YAML nodes of a content file, collecting every problem instead of stopping at the first."""

from __future__ import annotations

import datetime as dt
import difflib
import re

from pipeline.content.yamlsource import LStr, Node, as_bool, as_date, date_problem
from pipeline.errors import Diagnostic, Loc

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


class Reader:
    """Typed access to YAML nodes that collects every problem instead of stopping at the first."""

    def __init__(self) -> None:
        self.diagnostics: list[Diagnostic] = []
        self.partial: dict[str, dict[str, Node]] = {}  # dossier id -> the parsed document files, read or not
        self._misspelt: set[tuple[int, str]] = set()  # (mapping, field) written with a typo: not also "missing"
        self.invalid_people: set[str] = set()  # ids of register entries with an error: no follow-up errors

    def error(self, loc: Loc, message: str, hint: str = "") -> None:
        self.diagnostics.append(Diagnostic(loc, message, hint))

    def mapping(self, node: Node | None, what: str, allowed: tuple[str, ...]) -> dict[str, Node] | None:
        if node is None:
            return None
        if not isinstance(node.value, dict):
            self.error(node.loc, f"{what} moet een verzameling velden zijn (naam: waarde)",
                       "zet elk veld op een eigen regel als 'naam: waarde'")
            return None
        for key, child in node.value.items():
            if key not in allowed:
                self._unknown(key, getattr(child, "key_loc", child.loc), what, allowed, node.value)
        return node.value

    def _unknown(self, key: str, loc: Loc, what: str, allowed: tuple[str, ...],
                 mapping: dict[str, Node] | None = None) -> None:
        close = difflib.get_close_matches(key, allowed, n=1)
        if close and mapping is not None and close[0] not in mapping:
            self._misspelt.add((id(mapping), close[0]))
        hint = f"bedoelde u '{close[0]}'?" if close else "toegestane velden: " + ", ".join(allowed)
        self.error(loc, f"onbekend veld '{key}' in {what}", hint)

    def text(self, m: dict[str, Node], key: str, parent: Node, *, required: bool = True) -> LStr | None:
        node = m.get(key)
        if node is None or node.value is None or (isinstance(node.value, str) and not node.value.strip()):
            if required and (node is not None or (id(m), key) not in self._misspelt):
                loc = node.loc if node is not None else parent.loc
                self.error(loc, f"het veld '{key}' ontbreekt of is leeg", f"vul '{key}: ...' in")
            return None
        value = node.value
        if isinstance(value, LStr):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            self.error(node.loc, f"'{key}' is als getal gelezen ({value}), niet als tekst",
                       f'zet de waarde tussen aanhalingstekens: {key}: "{value}"')
            return None
        if isinstance(value, (dict, list)):
            self.error(node.loc, f"'{key}' moet tekst zijn, geen lijst of verzameling")
            return None
        self.error(node.loc, f"'{key}' moet tekst zijn", f'zet de waarde tussen aanhalingstekens: {key}: "..."')
        return None

    def ident(self, m: dict[str, Node], key: str, parent: Node, *, required: bool = True) -> str | None:
        value = self.text(m, key, parent, required=required)
        if value is None:
            return None
        if not ID_RE.match(value):
            self.error(value.loc, f"'{value}' is geen geldige id",
                       "gebruik letters, cijfers, '-' en '_' zonder spaties")
            return None
        return value

    def idents(self, m: dict[str, Node], key: str, parent: Node, *, required: bool = True) -> list[str]:
        """`key: id`, or a list of ids (a co-signed letter, several askers), in the order written."""
        node = m.get(key)
        if node is None or not isinstance(node.value, list):
            one = self.ident(m, key, parent, required=required)
            return [one] if one is not None else []
        ids = [self.ident({key: item}, key, item) for item in node.value]
        if not ids:
            self.error(node.loc, f"de lijst '{key}' is leeg", "noem minstens één persoon-id")
        return [i for i in ids if i is not None]

    def choice(self, m: dict[str, Node], key: str, parent: Node, options: tuple[str, ...],
               *, required: bool = True) -> str | None:
        value = self.text(m, key, parent, required=required)
        if value is None:
            return None
        if value not in options:
            close = difflib.get_close_matches(str(value), options, n=1)
            hint = f"bedoelde u '{close[0]}'?" if close else "kies uit: " + " | ".join(options)
            self.error(value.loc, f"'{value}' is geen geldige waarde voor '{key}'", hint)
            return None
        return str(value)

    def date(self, m: dict[str, Node], key: str, parent: Node, *, required: bool = True) -> dt.date | None:
        node = m.get(key)
        if node is None or node.value is None:
            if required:
                self.error(parent.loc, f"het veld '{key}' ontbreekt", f"vul '{key}: JJJJ-MM-DD' in")
            return None
        value = as_date(node.value)
        if value is None:
            self.error(node.loc, *date_problem(str(node.value), key))
        return value

    def seq(self, m: dict[str, Node], key: str, parent: Node, *, required: bool = False) -> list[Node]:
        node = m.get(key)
        if node is None or node.value is None:
            if required:
                self.error(parent.loc, f"de lijst '{key}' ontbreekt", f"voeg '{key}:' met items '- ...' toe")
            return []
        if not isinstance(node.value, list):
            self.error(node.loc, f"'{key}' moet een lijst zijn", "zet elk item op een eigen regel met '- '")
            return []
        return node.value

    def scalar_text(self, node: Node, what: str) -> LStr | None:
        if isinstance(node.value, LStr):
            return node.value
        if isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            return LStr(str(node.value), node.loc)
        self.error(node.loc, f"{what} moet tekst zijn")
        return None

    def boolean(self, m: dict[str, Node], key: str, parent: Node) -> bool | None:
        node = m.get(key)
        if node is None:
            self.error(parent.loc, f"het veld '{key}' ontbreekt", f"vul '{key}: true' of '{key}: false' in")
            return None
        value = as_bool(node.value)
        if value is None:
            self.error(node.loc, f"'{key}' moet ja of nee zijn (of true / false), niet '{node.value}'")
        return value
