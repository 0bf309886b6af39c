"""libyaml's parser (ruamel.yaml.clib) for the ordinary content file: ten times faster than the pure one.

Its events are those of the pure parser (yamlsource.parse_yaml) for ordinary text, measured on every
content file here and on every file the tests parse: the same values, positions and styles ("" where
it says None). Whatever it might read otherwise is left to the pure parser: any problem, a limit
included (so every message stays as it was), and a text with a line break YAML 1.2 does not count as
one (NEL, LS, PS), a CR, a tab or a character outside the BMP. Without ruamel.yaml.clib nothing changes.
"""

from __future__ import annotations

import re
from collections.abc import Sized
from typing import Protocol

from ruamel.yaml import YAML
from ruamel.yaml.events import Event, ScalarEvent
from ruamel.yaml.main import CParser

_UNSAFE = re.compile("[\x85\u2028\u2029\U00010000-\U0010ffff]")


class _Feedable(Protocol):  # yamlsource._Builder
    @property
    def root(self) -> object: ...
    @property
    def diagnostics(self) -> Sized: ...
    def feed(self, event: Event) -> None: ...


def feed(raw: str, builder: _Feedable) -> bool:
    """Feed the events of raw to builder; False when the pure parser must read it instead (builder spent)."""
    if CParser is None or "\r" in raw or "\t" in raw or not raw.isascii() and _UNSAFE.search(raw):
        return False
    yaml = YAML(typ="safe")  # with ruamel.yaml.clib: libyaml's reader, scanner and parser in one
    if yaml.Parser is not CParser:
        return False
    yaml.version = (1, 2)
    try:
        for event in yaml.parse(raw):
            if isinstance(event, ScalarEvent) and event.style is None:
                event.style = ""
            builder.feed(event)
    except Exception:  # noqa: BLE001 - the pure parser says what is wrong, in its words
        return False
    return not (builder.diagnostics and builder.root is None)
