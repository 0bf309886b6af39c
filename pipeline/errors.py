"""One exception hierarchy for the pipeline; each class carries its exit code."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Loc:
    """Where a value came from: file, 1-based line and 1-based column."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.col}"
        return self.file

    @classmethod
    def of(cls, path: Path | str, line: int = 0, col: int = 0) -> Loc:
        return cls(str(path), line, col)


@dataclass(frozen=True)
class Diagnostic:
    """One problem in a user's input: where, what is wrong, how to fix it."""

    loc: Loc
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.loc}: {self.message}"
        if self.hint:
            text += f"; {self.hint}"
        return text


class PipelineError(Exception):
    """Base class: every failure the CLI reports, with its exit code."""

    exit_code = 1

    def render(self) -> str:
        return str(self)


class ContentError(PipelineError):
    """The content files have one or more problems; all of them are listed."""

    exit_code = 2

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = list(diagnostics)
        super().__init__(f"{len(self.diagnostics)} fout(en) in de content")

    def render(self) -> str:
        lines = [str(d) for d in self.diagnostics]
        n = len(self.diagnostics)
        lines.append(f"{n} fout{'en' if n != 1 else ''} gevonden; er is niets geschreven.")
        return "\n".join(lines)


class ToolMissing(PipelineError):
    """An external program (LibreOffice, poppler) is missing or too old."""

    exit_code = 3


class ConversionError(PipelineError):
    """LibreOffice failed, hung or produced no output."""

    exit_code = 4


class RenderError(PipelineError):
    """A template or a rendered part is broken (a bug or a broken template)."""

    exit_code = 5


class VerificationError(PipelineError):
    """The gate: the public build's own check found something that must not be published."""

    exit_code = 6


GateError = VerificationError


class MetadataError(PipelineError):
    """A publication metadata record does not validate against its schema."""

    exit_code = 7


class MismatchError(PipelineError):
    """`verify`: an output differs from its manifest or from its rebuild."""

    exit_code = 8


# Every exit code of `python -m pipeline`, with its one meaning (README, --help and `make` show these).
EXIT_CODES: dict[int, str] = {
    0: "gelukt",
    1: "onverwachte fout in de pipeline zelf (een bug); meld het met de log uit build/.log/",
    2: "fouten in de content; elke fout staat erboven met bestand:regel:kolom",
    3: "een programma of lettertype ontbreekt (LibreOffice, poppler, python3-uno, fontconfig); "
       "de melding noemt het installatiecommando",
    4: "LibreOffice kon een document niet omzetten, liep vast of crashte",
    5: "een template of een gevuld document is kapot (een bug of een beschadigde template)",
    6: "de controle (gate) vond persoonsgegevens in de openbare versie; er is niets naar woo/ geschreven",
    7: "de publicatiemetadata (DiWoo) is ongeldig; er is niets naar woo/ geschreven",
    8: "verify: een bestand verschilt van manifest.json of van zijn herbouw",
    64: "verkeerd gebruik van de opdrachtregel (onbekende optie of opdracht)",
    130: "afgebroken (Ctrl-C); eerdere uitvoer is ongewijzigd",
}


def describe(code: int) -> str:
    """`exitcode 6: de controle (gate) vond ...`: what `make` prints after a failed command."""
    return f"exitcode {code}: {EXIT_CODES.get(code, 'onbekende exitcode (zie README, Exitcodes)')}"


if __name__ == "__main__":  # python -m pipeline.errors CODE (the Makefile's wrapper)
    import sys

    print(describe(int(sys.argv[1])), file=sys.stderr)
