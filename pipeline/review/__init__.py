"""`python -m pipeline review`: the local web application in which Woo staff decide, see and publish."""

from __future__ import annotations

import socket
import threading
import webbrowser
from pathlib import Path

from pipeline.review.app import create_app

HOST = "127.0.0.1"  # never another interface: the application is for the person at this computer


def free_port(preferred: int) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind((HOST, preferred))
        except OSError:
            s.bind((HOST, 0))
        return int(s.getsockname()[1])


def serve(content_dir: Path, out: Path, port: int = 8765, open_browser: bool = True, door: str | None = None) -> None:
    """Start the application on 127.0.0.1 with a fresh token and open it in the browser."""
    import uvicorn

    app = create_app(content_dir, out, door=door)
    token = app.state.review.token
    port = free_port(port)
    url = f"http://{HOST}:{port}/?token={token}"
    print(f"Woo-beoordeling draait op {url}\n(alleen op deze computer; stop met Ctrl+C)", flush=True)
    if open_browser:
        threading.Timer(0.8, webbrowser.open, args=(url,)).start()
    uvicorn.run(app, host=HOST, port=port, log_level="warning")


__all__ = ["HOST", "create_app", "serve"]
