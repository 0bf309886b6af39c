"""Test-session settings: the warm LibreOffice the tests start is private to this session and stopped at its end."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator

import pytest

from pipeline.convert import libreoffice


@pytest.fixture(scope="session", autouse=True)
def private_libreoffice_server() -> Iterator[None]:
    # Short path: the folder holds a unix socket (at most 107 bytes).
    state = tempfile.mkdtemp(prefix="plo-", dir="/tmp")
    saved = {k: os.environ.get(k) for k in (libreoffice.STATE_VAR, libreoffice.IDLE_VAR)}
    os.environ[libreoffice.STATE_VAR] = state
    os.environ[libreoffice.IDLE_VAR] = "120"  # a safety net should the stop below not run
    try:
        yield
    finally:
        libreoffice.stop_server()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        shutil.rmtree(state, ignore_errors=True)
