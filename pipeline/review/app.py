"""The review web application: overview, one dossier's review, decisions, page images, publish."""

from __future__ import annotations

import datetime as dt
import getpass
import secrets
from collections import defaultdict
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from pipeline import build
from pipeline.errors import ContentError, PipelineError
from pipeline.publication import manifest
from pipeline.review import actions, files, htmlview
from pipeline.review.decisions import GRONDEN, KEEP_REASONS, ROLLEN, Action, Conflict, Decisions, undo
from pipeline.review.security import check_form_csrf, csrf_token, new_token, token_middleware
from pipeline.review.state import Workspace

HERE = Path(__file__).resolve().parent
REVIEWER_COOKIE = "woo_reviewer"


class Review:
    """The application's state for one start: workspace, token, undo history, messages."""

    def __init__(self, content_dir: Path, out: Path, token: str | None = None, door: str | None = None):
        self.ws = Workspace(content_dir, out)
        self.token = token or new_token()
        self.default_door = door or getpass.getuser()
        self.history: dict[str, list[Action]] = defaultdict(list)
        self.messages: dict[str, tuple[str, str]] = {}
        self.env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
        self._lo: str | None = None

    def lo(self) -> str:
        if self._lo is None:
            try:
                self._lo = manifest.libreoffice_version()
            except PipelineError:
                self._lo = "?"
        return self._lo

    # helpers -------------------------------------------------------------------------------------------------
    def page(self, request: Request, name: str, status: int = 200, **values: Any) -> HTMLResponse:
        message = self.messages.pop(request.query_params.get("m", ""), None)
        html = self.env.get_template(name).render(csrf=csrf_token(self.token), door=self.door(request),
                                                  message=message, gronden=GRONDEN, **values)
        return HTMLResponse(html, status_code=status)

    def door(self, request: Request) -> str:
        return request.cookies.get(REVIEWER_COOKIE) or self.default_door

    def flash(self, text: str, kind: str = "ok") -> str:
        key = secrets.token_hex(8)
        self.messages[key] = (kind, text)
        return key

    def dossier(self, request: Request) -> str:
        dossier_id = request.path_params["dossier"]
        if not self.ws.known(dossier_id):
            raise HTTPException(404, "onbekend dossier")
        return dossier_id

    async def form(self, request: Request) -> dict[str, str]:
        if not await check_form_csrf(request, self.token):
            raise HTTPException(403, "Geen toegang: het formulier mist de CSRF-controle; laad de pagina opnieuw")
        form = await request.form()
        return {k: str(v) for k, v in form.items()}

    # pages -----------------------------------------------------------------------------------------------------
    async def overview(self, request: Request) -> Response:
        lo = self.lo()
        states = [self.ws.state(d, lo) for d in self.ws.dossier_ids()]
        return self.page(request, "overview.html", states=states)

    async def review(self, request: Request) -> Response:
        dossier_id = self.dossier(request)
        return self.render_review(request, dossier_id)

    def render_review(self, request: Request, dossier_id: str, status: int = 200, error: str = "") -> HTMLResponse:
        loaded = self.ws.load(dossier_id)
        items = loaded.items
        html: dict[str, Any] = {}
        marks = None
        if loaded.plan:
            html, marks = htmlview.render_plan(loaded.plan, items)
        pages = {}
        for which in files.WHICH:
            for kind in (loaded.plan.docs if loaded.plan else []):
                path = files.pdf_path(self.ws.out, dossier_id, which, kind)
                pages[(which, kind)] = files.page_count(path) if path else 0
        inv_head, inv_rows = files.inventory(self.ws.out, dossier_id)
        log_head, log_rows = files.redaction_log(self.ws.out, dossier_id)
        decisions = Decisions(self.ws.content_dir, dossier_id)
        redacted = _group_redactions(loaded.plan, marks) if loaded.plan and marks else []
        return self.page(request, "dossier.html", status=status, dossier_id=dossier_id, loaded=loaded, items=items,
                         html=html, marks=marks, pages=pages, versions=decisions.versions(), redacted=redacted,
                         inv_head=inv_head, inv_rows=inv_rows, log_head=log_head, log_rows=log_rows,
                         keep_reasons=KEEP_REASONS, rollen=ROLLEN, history=self.history[dossier_id], error=error,
                         has_woo=(self.ws.out / dossier_id / "woo").is_dir(),
                         has_review=(self.ws.out / dossier_id / "lakvoorstel").is_dir())

    async def decide(self, request: Request) -> Response:
        dossier_id = self.dossier(request)
        form = await self.form(request)
        decisions = Decisions(self.ws.content_dir, dossier_id)
        try:
            if form.get("actie") == "ongedaan":
                history = self.history[dossier_id]
                if not history:
                    raise Conflict("er is in deze sessie nog niets besloten om ongedaan te maken")
                undo(history[-1])
                done = history.pop()
                text = f"ongedaan gemaakt: {done.label}"
            else:
                loaded = self.ws.load(dossier_id)
                action = actions.perform(loaded, decisions, form, self.door(request))
                self.history[dossier_id].append(action)
                text = f"opgeslagen: {action.label}"
        except Conflict as exc:
            return self.render_review(request, dossier_id, status=409, error=str(exc))
        anchor = form.get("terug", "")
        anchor = anchor if anchor.replace("-", "").isalnum() else ""
        return RedirectResponse(f"/d/{dossier_id}?m={self.flash(text)}" + (f"#{anchor}" if anchor else ""), 303)

    async def publish(self, request: Request) -> Response:
        dossier_id = self.dossier(request)
        form = await self.form(request)
        decisions = Decisions(self.ws.content_dir, dossier_id)
        door = self.door(request)
        released, not_released = "", ""
        loaded = self.ws.load(dossier_id)
        if form.get("vrijgeven") == "ja" and (loaded.items or loaded.problems):
            not_released = "Niet vrijgegeven: er staan nog beslissingen open."
        elif form.get("vrijgeven") == "ja":
            try:
                decisions.release({"woo": form.get("versie_woo", "")}, door)
            except Conflict as exc:
                return self.render_review(request, dossier_id, status=409, error=str(exc))
            released = door
        outcome: dict[str, Any] = {"written": [], "notes": [], "problems": [], "error": "", "released": released,
                                   "not_released": not_released}
        if not self.ws.publish_lock.acquire(blocking=False):
            outcome["error"] = "er loopt al een publicatie; wacht tot die klaar is"
            return self.page(request, "outcome.html", status=409, dossier_id=dossier_id, outcome=outcome)
        try:
            report = build.build_public(self.ws.content_dir, self.ws.out, [dossier_id])
            outcome["written"] = [str(p.relative_to(self.ws.out)) for p in report.written]
            woo_dir = self.ws.out / dossier_id / "woo"
            outcome["woo_files"] = sorted(p.name for p in woo_dir.iterdir() if p.is_file()) if woo_dir.is_dir() else []
            outcome["notes"] = report.notes + [str(w) for w in report.warnings]
            if report.unchanged:
                outcome["notes"].append("ongewijzigd sinds de vorige publicatie: niets opnieuw gebouwd")
        except ContentError as exc:
            outcome["problems"] = exc.diagnostics
        except PipelineError as exc:
            outcome["error"] = exc.render()
        finally:
            self.ws.publish_lock.release()
        status = 200 if not outcome["problems"] and not outcome["error"] else 422
        return self.page(request, "outcome.html", status=status, dossier_id=dossier_id, outcome=outcome,
                         has_woo=(self.ws.out / dossier_id / "woo").is_dir())

    async def set_name(self, request: Request) -> Response:
        form = await self.form(request)
        name = form.get("door", "").strip()[:80]
        response = RedirectResponse("/", 303)
        if name:
            response.set_cookie(REVIEWER_COOKIE, name, httponly=True, samesite="strict", path="/")
        return response

    async def page_image(self, request: Request) -> Response:
        dossier_id = self.dossier(request)
        which, kind, page = request.path_params["which"], request.path_params["kind"], request.path_params["page"]
        path = files.pdf_path(self.ws.out, dossier_id, which, kind)
        if path is None or page < 1:
            raise HTTPException(404, "onbekende pagina")
        data = files.page_image(path, page, self.ws.out / ".cache" / "review-pages")
        if data is None:
            raise HTTPException(404, "onbekende pagina")
        return Response(data, media_type="image/png", headers={"Cache-Control": "no-cache"})

    async def pdf(self, request: Request) -> Response:
        dossier_id = self.dossier(request)
        path = files.pdf_path(self.ws.out, dossier_id, request.path_params["which"], request.path_params["kind"])
        if path is None:
            raise HTTPException(404, "onbekend document")
        return Response(path.read_bytes(), media_type="application/pdf")

    async def download(self, request: Request) -> Response:
        dossier_id = self.dossier(request)
        folder = request.path_params["folder"]
        data = files.folder_zip(self.ws.out, dossier_id, folder)
        if data is None:
            raise HTTPException(404, "nog niet gebouwd")
        name = files.zip_name(dossier_id, folder, dt.date.today())
        return Response(data, media_type="application/zip",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    async def not_found(self, request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 404)
        detail = getattr(exc, "detail", "niet gevonden")
        return HTMLResponse(f"<!doctype html><meta charset=utf-8><title>{status}</title><p>{_esc(detail)}</p>"
                            '<p><a href="/">Naar het overzicht</a></p>', status_code=status)


def _esc(text: object) -> str:
    from markupsafe import escape

    return str(escape(str(text)))


def _group_redactions(plan: Any, marks: htmlview.Marks) -> list[dict[str, Any]]:
    """The redactions of the dossier, one group per person or passage, with links to every place."""
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    log_by_text: dict[tuple[str, str], Any] = {}
    for entry in plan.redaction.log:
        log_by_text.setdefault((entry.document, entry.text), entry)
    for anchor, doc, grond, text in marks.redactions:
        entry = log_by_text.get((doc, text))
        pid = entry.person_id if entry else None
        if pid and pid in plan.content.personen:
            key, label = ("persoon", pid), str(plan.content.personen[pid].naam)
            kind = "persoonsgegevens"
        else:
            key, label = ("passage", f"{doc}:{text}"), text
            kind = entry.category if entry else "passage"
        group = groups.setdefault(key, {"label": label, "kind": kind, "grounds": set(), "anchors": [],
                                        "toelichting": entry.toelichting if entry else ""})
        group["grounds"].add(grond)
        group["anchors"].append((doc, anchor))
    return sorted(groups.values(), key=lambda g: (g["kind"] != "persoonsgegevens", g["label"].casefold()))


def create_app(content_dir: Path, out: Path, token: str | None = None, door: str | None = None) -> Starlette:
    review = Review(content_dir, out, token, door)
    routes = [
        Route("/", review.overview),
        Route("/naam", review.set_name, methods=["POST"]),
        Route("/d/{dossier}", review.review),
        Route("/d/{dossier}/besluit", review.decide, methods=["POST"]),
        Route("/d/{dossier}/publiceer", review.publish, methods=["POST"]),
        Route("/d/{dossier}/pagina/{which}/{kind}/{page:int}.png", review.page_image),
        Route("/d/{dossier}/pdf/{which}/{kind}.pdf", review.pdf),
        Route("/d/{dossier}/download/{folder}.zip", review.download),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(routes=routes, middleware=[Middleware(BaseHTTPMiddleware,
                                                          dispatch=token_middleware(review.token, lambda: None))],
                    exception_handlers={HTTPException: review.not_found, 404: review.not_found})
    app.state.review = review
    return app
