"""The templates' font families, checked with fontconfig before anything is built: never a silent substitute."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

from lxml import etree

from pipeline.errors import ToolMissing

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Free fonts and the Debian package that brings each; any other family gets the general hint.
PACKAGES = {"liberation sans": "fonts-liberation2", "liberation serif": "fonts-liberation2",
            "dejavu sans": "fonts-dejavu-core", "carlito": "fonts-crosextra-carlito"}
FONTCONFIG_ADVICE = "installeer fontconfig, bijvoorbeeld met `apt-get install -y fontconfig`"


def template_fonts(templates: list[Path]) -> dict[str, list[Path]]:
    """Every font family the templates' styles name (w:rFonts ascii/hAnsi), with the templates naming it."""
    found: dict[str, list[Path]] = {}
    for template in templates:
        with zipfile.ZipFile(template) as z:
            root = etree.fromstring(z.read("word/styles.xml"))
        for fonts in root.iter(f"{{{W}}}rFonts"):
            for attr in ("ascii", "hAnsi"):
                family = fonts.get(f"{{{W}}}{attr}")
                if family and template not in found.setdefault(family, []):
                    found[family].append(template)
    return found


def installed(family: str) -> bool:
    """Whether fontconfig has this exact family (fc-list; fc-match would answer with a substitute)."""
    exe = shutil.which("fc-list")
    if exe is None:
        raise ToolMissing(f"fc-list niet gevonden op PATH, dus de lettertypen zijn niet te controleren: "
                          f"{FONTCONFIG_ADVICE}")
    pattern = re.sub(r"([-:,\\])", r"\\\1", family)
    proc = subprocess.run([exe, pattern, "family"], capture_output=True, text=True, timeout=60, check=False)
    names = {name.strip().casefold() for line in proc.stdout.splitlines() for name in line.split(",")}
    return family.casefold() in names


def substitute(family: str) -> str:
    """What fontconfig would use instead (for the message); '' when unknown."""
    exe = shutil.which("fc-match")
    if exe is None:
        return ""
    proc = subprocess.run([exe, "-f", "%{family}", family], capture_output=True, text=True, timeout=60, check=False)
    return proc.stdout.split(",")[0].strip()


def install_hint(family: str) -> str:
    package = PACKAGES.get(family.casefold())
    if package:
        return f"installeer het met `apt-get install -y {package}`"
    return ("installeer het lettertype: kopieer de .ttf- of .otf-bestanden naar /usr/local/share/fonts/ (of "
            "~/.local/share/fonts/) en draai `fc-cache -f`; of kies een ander lettertype met "
            "`make templates FONT=\"Liberation Sans\"`")


def check_fonts(templates: list[Path]) -> None:
    """ToolMissing (exit 3) naming each missing family, the templates that use it and how to install it."""
    problems = []
    for family, users in sorted(template_fonts(templates).items()):
        if installed(family):
            continue
        instead = substitute(family)
        names = ", ".join(p.name for p in users)
        problems.append(f"lettertype '{family}' (in {names}) is niet geïnstalleerd"
                        + (f"; LibreOffice zou stil '{instead}' gebruiken" if instead else "")
                        + f": {install_hint(family)}")
    if problems:
        raise ToolMissing("er is niets gebouwd:\n  - " + "\n  - ".join(problems))
