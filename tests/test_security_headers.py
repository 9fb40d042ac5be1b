"""Security headers on every answer: a strict Content-Security-Policy, a Permissions-Policy, and
no caching of anything personal."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from inzet.accounts.models import ApiToken

ROOT = Path(__file__).resolve().parent.parent
# PDFs are rendered by WeasyPrint on the server, never shown by a browser as a page.
PDF_TEMPLATES = ("/pdf/",)


def _csp(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_every_page_has_a_strict_content_security_policy(client):
    csp = _csp(client.get(reverse("accounts:login")))
    assert csp["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert "'unsafe-inline'" not in csp.get("style-src", [])
    assert csp["frame-ancestors"] == ["'none'"] and csp["object-src"] == ["'none'"]


def test_every_answer_has_a_permissions_policy(client):
    for response in (client.get(reverse("accounts:login")), client.get("/api/openapi.json")):
        policy = response["Permissions-Policy"]
        assert "camera=()" in policy and "microphone=()" in policy and "geolocation=()" in policy


def test_pages_of_a_logged_in_person_are_not_cached(client, expert):
    client.force_login(expert)
    response = client.get(reverse("dashboard:home"))
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_api_answers_with_personal_data_are_not_cached(client, expert):
    _token, raw = ApiToken.issue(user=expert, name="t")
    response = client.get("/api/me", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def _templates():
    for path in sorted((ROOT / "inzet").rglob("templates/**/*.html")):
        if not any(part in str(path) for part in PDF_TEMPLATES):
            yield path


@pytest.mark.parametrize("path", list(_templates()), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_template_needs_inline_script_or_style(path):
    """The policy forbids inline code: scripts and styles live in static files."""
    html = path.read_text()
    assert not re.search(r"\son[a-z]+\s*=", html), "inline event handler"
    assert not re.search(r"\sstyle\s*=", html), "style attribute"
    assert not re.search(r"<style\b", html), "<style> element"
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, f"inline script: {tag}"


def test_the_api_viewer_page_is_left_out_of_the_policy(client):
    # Swagger UI comes from a CDN with an inline start script; the page holds no personal data.
    assert "Content-Security-Policy" not in client.get("/api/docs")
