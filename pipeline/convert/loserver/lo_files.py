"""Files of the warm LibreOffice: publishing PDFs atomically, the warm-up document, leftovers of killed servers."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
import uuid
import zipfile
from pathlib import Path

from lo_common import DocumentError


def _publish(temp: Path, dst: str, mode: int) -> None:
    """Put temp at dst atomically: rename, or copy to a hidden name in dst's folder and rename."""
    os.chmod(temp, mode)
    try:
        try:
            os.replace(temp, dst)
            return
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
        part = os.path.join(os.path.dirname(dst), f".{os.path.basename(dst)}.{uuid.uuid4().hex[:8]}.part")
        try:
            shutil.copyfile(temp, part)
            os.chmod(part, mode)
            os.replace(part, dst)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(part)
    except OSError as exc:
        raise DocumentError("export", f"de PDF kon niet naar {dst}: {exc}") from None


def _write_tiny_docx(path: Path) -> None:
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
        "word/document.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {ns}><w:body>'
            '<w:p><w:r><w:t>Opwarmen</w:t></w:r></w:p>'
            '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
            '<w:p><w:r><w:t xml:space="preserve">Pagina </w:t></w:r><w:fldSimple w:instr=" PAGE ">'
            '<w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:body></w:document>'),
    }
    with zipfile.ZipFile(path, "w") as z:
        for name, text in parts.items():
            z.writestr(name, text)


def _ipc_pipe_name(profile_url: str) -> str:
    """The single-instance pipe soffice creates for a profile (left behind when it is killed).

    LibreOffice names it after the MD5 of the UTF-16 profile URL, each byte in hex without
    zero padding (desktop/source/app/officeipcthread.cxx); a mismatch only leaves a stale file.
    """
    digest = hashlib.md5(profile_url.encode("utf-16-le"), usedforsecurity=False).digest()
    return "SingleOfficeIPC_" + "".join(f"{b:x}" for b in digest)


def _remove_leftovers(statedir: Path) -> None:
    """What servers that were killed left: their run-<pid> folders and their soffices' pipes in /tmp."""
    pipes = []
    for rundir in statedir.glob("run-*"):
        pid = rundir.name[4:]
        if pid.isdigit() and not os.path.exists(f"/proc/{pid}"):
            pipes += [_ipc_pipe_name(profile.as_uri()) for profile in rundir.glob("profile-*")]
            shutil.rmtree(rundir, ignore_errors=True)
    prefix = f"OSL_PIPE_{os.getuid()}_"
    with contextlib.suppress(OSError):
        for entry in os.scandir("/tmp"):
            name = entry.name[len(prefix):] if entry.name.startswith(prefix) else ""
            if name.startswith("pipeline-lo-"):  # pipeline-lo-<server pid>-<worker>-<random>
                pid = name.split("-")[2]
                if pid.isdigit() and not os.path.exists(f"/proc/{pid}"):
                    pipes.append(name)
    for name in pipes:
        with contextlib.suppress(OSError):
            os.unlink(f"/tmp/{prefix}{name}")


def _check_pdf(path: Path, src: str) -> None:
    try:
        with open(path, "rb") as f:
            head = f.read(5)
    except OSError:
        head = b""
    if head != b"%PDF-":
        raise DocumentError("export", f"LibreOffice schreef geen (geldige) PDF voor {src}")


def _soffice_bin_pid(pgid: int) -> int:
    """The soffice.bin in process group pgid (oosplash starts it as a child); 0 if none found."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        name = text[text.find("(") + 1:text.rfind(")")]
        fields = text[text.rfind(")") + 2:].split()
        if name == "soffice.bin" and int(fields[2]) == pgid:
            return int(stat.parent.name)
    return 0


# --------------------------------------------------------------------------- server

