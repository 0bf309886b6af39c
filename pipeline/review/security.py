"""Nobody else gets in: a per-start token on every request, and a CSRF check on every write."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

COOKIE = "woo_review_token"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def csrf_token(token: str) -> str:
    """The value every form posts back; derived from the start token, so a page of another site cannot know it."""
    return hmac.new(token.encode(), b"csrf", hashlib.sha256).hexdigest()


def _forbidden(reason: str) -> Response:
    return PlainTextResponse(f"Geen toegang: {reason}", status_code=403)


def token_middleware(token: str, port_of: Callable[[], int | None]) -> Callable[..., Awaitable[Response]]:
    """Starlette http middleware: the token in the URL once (then a cookie), or 403."""

    async def middleware(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        given = request.query_params.get("token")
        if given is not None:
            if not secrets.compare_digest(given, token):
                return _forbidden("ongeldig token; open de link die `review` bij het starten toonde")
            rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
            target = request.url.path + (f"?{urlencode(rest)}" if rest else "")
            response: Response = RedirectResponse(target, status_code=303)
            response.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/")
            return response
        cookie = request.cookies.get(COOKIE, "")
        if not cookie or not secrets.compare_digest(cookie, token):
            return _forbidden("geen of ongeldig token; open de link die `review` bij het starten toonde")
        if request.method not in ("GET", "HEAD"):
            problem = _cross_site(request, token)
            if problem:
                return _forbidden(problem)
        return await call_next(request)

    return middleware


def _cross_site(request: Request, token: str) -> str:
    """Why a write looks like a cross-site request ('' when it does not)."""
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return "verzoek van een andere site"
    origin = request.headers.get("origin")
    host = request.headers.get("host", "")
    if origin and origin not in (f"http://{host}", f"https://{host}"):
        return "verzoek van een andere herkomst"
    return ""


async def check_form_csrf(request: Request, token: str) -> bool:
    """True when a posted form carries the CSRF value (or the header did)."""
    sent = request.headers.get("x-csrf-token", "")
    if sent and secrets.compare_digest(sent, csrf_token(token)):
        return True
    form = await request.form()
    value = str(form.get("csrf", ""))
    return bool(value) and secrets.compare_digest(value, csrf_token(token))
