"""Every page every role can reach, in a real browser, checked with axe-core (WCAG 2.1 A/AA).

Also the flows that only a browser proves: two-step login, keyboard-only use, password reset by
e-mail, lockout after wrong passwords, and switching to English.
"""

import re
import tempfile
from collections import deque
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from inzet.demo.data import DEMO_PASSWORD, demo_logins

pytestmark = pytest.mark.e2e

MAX_PAGES = 60
# Never followed: the Django admin (its index is checked once, as operator), files, the API,
# the language switch, logging out.
SKIP_PREFIXES = ("/beheer/", "/static/", "/media/", "/api/", "/i18n/", "/account/uitloggen/")
# Path segments of URLs that change or delete something; such actions should be POST-only, but
# a crawler must not rely on that.
DESTRUCTIVE = re.compile(
    r"/(uitloggen|logout|intrekken|revoke|stoppen|deactivate|verwijderen|delete|remove|wissen|archiveren)(/|$)",
    re.IGNORECASE,
)
ROLES = {login.email: login.role for login in demo_logins()}
TWO_FACTOR_EMAIL = "coordinator2@example.org"
SCREENSHOT = Path(tempfile.gettempdir()) / "inzet-home.png"


def label(text: str) -> re.Pattern:
    """Match a form label whatever Django's label suffix (':') does."""
    return re.compile(rf"^\s*{re.escape(text)}\s*:?\s*$")


def current_totp(email: str) -> str:
    """The code the person's authenticator app would show now, from the device's key."""
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.get(user__email=email, confirmed=True)
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
    return f"{code:0{device.digits}d}"


def submit_login(page, email: str, password: str) -> None:
    page.goto("/account/inloggen/")
    page.get_by_label(label("E-mailadres")).fill(email)
    page.get_by_label(label("Wachtwoord")).fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen", exact=True).click()


def log_in(page, email: str, password: str = DEMO_PASSWORD) -> bool:
    """Log in through the real form, with the two-step code when the person has a device.

    Returns whether the code page was shown.
    """
    submit_login(page, email, password)
    asked_code = urlsplit(page.url).path == "/account/tweestaps/"
    if asked_code:
        page.get_by_label(label("Code uit uw app")).fill(current_totp(email))
        with page.expect_navigation():
            page.get_by_role("button", name="Controleren", exact=True).click()
    assert urlsplit(page.url).path == "/", f"{email} did not reach the home page after logging in: {page.url}"
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    return asked_code


def _crawlable(url: str, origin: tuple[str, str]) -> str | None:
    """The path+query to visit for a link, or None when the crawler must not follow it."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or (parts.scheme, parts.netloc) != origin:
        return None  # mailto:, tel:, javascript:, other sites
    if parts.path.startswith(SKIP_PREFIXES) or DESTRUCTIVE.search(parts.path):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(page, axe, base_url: str, start: str = "/") -> tuple[list[str], list[str]]:
    """Breadth-first over same-origin <a href> links from `start`, GET only.

    Returns (pages visited, problems): a problem is an HTTP error or an axe violation.
    Pages are deduplicated by path; the query string of the first link to a path is kept.
    """
    base = urlsplit(base_url)
    origin = (base.scheme, base.netloc)
    queue, seen, visited, problems = deque([start]), {urlsplit(start).path}, [], []
    while queue and len(visited) < MAX_PAGES:
        target = queue.popleft()
        response = page.goto(target)
        visited.append(target)
        landed = urlsplit(page.url)
        seen.add(landed.path)
        if response is None or response.status >= 400:
            problems.append(f"{page.url}: HTTP {response.status if response else 'no response'} (linked as {target})")
            continue
        problems.extend(axe(page))
        links = page.eval_on_selector_all(
            "a[href]", "els => els.filter(a => !a.hasAttribute('download')).map(a => a.href)"
        )
        for href in links:
            follow = _crawlable(href, origin)
            if follow is not None and urlsplit(follow).path not in seen:
                seen.add(urlsplit(follow).path)
                queue.append(follow)
    return visited, problems


def report(what: str, visited: list[str], problems: list[str]) -> None:
    print(f"\n{what}: {len(visited)} page(s): {', '.join(visited)}")
    if problems:
        pytest.fail(f"{what}: {len(problems)} problem(s):\n  " + "\n  ".join(problems), pytrace=False)


def test_anonymous_pages(page, live_server, axe):
    visited, problems = crawl(page, axe, live_server.url)
    for extra in ("/account/inloggen/", "/account/wachtwoord-vergeten/"):
        if extra not in visited:
            page.goto(extra)
            visited.append(extra)
            problems.extend(axe(page))
    assert "/account/inloggen/" in visited
    report("anonymous", visited, problems)


@pytest.mark.parametrize("email", list(ROLES), ids=[e.split("@")[0] for e in ROLES])
def test_crawl_as_role(page, live_server, demo, axe, email):
    asked_code = log_in(page, email)
    if email == TWO_FACTOR_EMAIL:
        assert asked_code, "the coordinator with a two-step device was not asked for a code"
    if email == "coordinator@example.org":
        page.screenshot(path=str(SCREENSHOT), full_page=True)
    visited, problems = crawl(page, axe, live_server.url)
    if email == "beheerder@example.org":
        # The Django admin is not ours to crawl, but the operator's way in must work.
        response = page.goto("/beheer/")
        visited.append("/beheer/")
        if response is None or response.status >= 400:
            problems.append(f"{page.url}: HTTP {response.status if response else 'no response'}")
        else:
            expect(page.locator("#site-name")).to_be_visible()
            problems.extend(axe(page))
    assert len(visited) > 1, f"{email}: the home page links to nothing crawlable"
    report(f"{ROLES[email]} ({email})", visited, problems)


@pytest.mark.parametrize("email", list(ROLES), ids=[e.split("@")[0] for e in ROLES])
def test_english(page, demo, axe, email):
    log_in(page, email)
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    with page.expect_navigation():
        page.get_by_role("button", name="English", exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert urlsplit(page.url).path == "/", "the language switch should return to the same page"
    problems = axe(page)
    # The choice sticks on the next page, and switching back is offered in Dutch.
    page.goto("/account/instellingen/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("button", name="Nederlands", exact=True)).to_have_attribute("lang", "nl")
    problems.extend(axe(page))
    report(f"English, {email}", ["/", "/account/instellingen/"], problems)


def _focus_info(page) -> dict:
    return page.evaluate(
        """() => {
      const el = document.activeElement;
      const s = getComputedStyle(el);
      return {
        tag: el.tagName.toLowerCase(), id: el.id, text: (el.innerText || el.value || '').trim().slice(0, 40),
        href: el.getAttribute('href'), inHeader: !!el.closest('header'),
        outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? s.outlineStyle + ' ' + s.outlineWidth : '',
        shadow: s.boxShadow !== 'none' ? s.boxShadow : '',
      };
    }"""
    )


def _focus_page_start(page) -> None:
    """Put focus back at the start of the document, as on a fresh visit without autofocus."""
    page.evaluate(
        """() => { const b = document.body; b.setAttribute('tabindex', '-1'); b.focus(); b.removeAttribute('tabindex'); }"""
    )


def _tab_through_header(page, limit: int = 30) -> tuple[list[dict], dict]:
    """Tab from the start of the page until focus leaves the header.

    Returns the header stops (skip link included) and the first element after the header;
    fails when a stop has no visible focus indicator (outline or box-shadow).
    """
    _focus_page_start(page)
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = _focus_info(page)
        if not info["inHeader"] and info["href"] != "#inhoud":
            return stops, info
        assert info["outline"] or info["shadow"], f"no visible focus indicator on {info}"
        stops.append(info)
    pytest.fail(f"focus did not leave the header after {limit} Tabs: {stops}")


def test_keyboard_only(page, demo, axe):
    page.goto("/account/inloggen/")
    # From the start of the page, the first Tab reaches the skip link, which then shows itself.
    _focus_page_start(page)
    page.keyboard.press("Tab")
    first = _focus_info(page)
    assert first["href"] == "#inhoud", f"the first focusable element should be the skip link, got {first}"
    box = page.locator(".utrecht-skip-link").bounding_box()
    assert box and box["width"] > 20 and box["height"] > 10, f"the focused skip link is not visible: {box}"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "inhoud", "Enter on the skip link must focus <main>"
    assert urlsplit(page.url).fragment == "inhoud"

    # Every header control shows a visible focus indicator; after the header comes the e-mail field.
    page.goto("/account/inloggen/")
    stops, after = _tab_through_header(page)
    assert [s["text"] for s in stops] == ["Naar de inhoud", "Inzet", "English"], stops
    assert after["id"] == "id_username", f"after the header, focus should reach the e-mail field, got {after}"

    # Log in with the keyboard only: type, Tab, type, Enter.
    page.keyboard.type("coordinator@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type(DEMO_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == "/", f"keyboard login did not reach the home page: {page.url}"
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")

    # Logged in, the header with its menu still shows focus on every control.
    stops, _after = _tab_through_header(page)
    names = [s["text"] for s in stops]
    for expected in (
        "Naar de inhoud",
        "Inzet",
        "Mijn overzicht",
        "Organisaties",
        "Mijn account",
        "English",
        "Uitloggen",
    ):
        assert expected in names, f"{expected!r} is not reachable with Tab in the header: {names}"


def test_password_reset(page, demo, axe):
    problems = []
    page.goto("/account/inloggen/")
    with page.expect_navigation():
        page.get_by_role("link", name="Wachtwoord vergeten?").click()
    problems.extend(axe(page))
    mail.outbox.clear()
    page.get_by_label(label("E-mailadres")).fill("expert@example.org")
    with page.expect_navigation():
        page.get_by_role("button", name="E-mail versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kijk in uw e-mail")
    problems.extend(axe(page))

    assert len(mail.outbox) == 1, f"expected one reset e-mail, got {len(mail.outbox)}"
    message = mail.outbox[0]
    assert message.to == ["expert@example.org"]
    link = re.search(r"https?://\S+/account/wachtwoord-herstellen/\S+", message.body)
    assert link, f"no reset link in the e-mail:\n{message.body}"
    page.goto(link.group(0))
    expect(page.get_by_role("heading", level=1)).to_have_text("Kies een nieuw wachtwoord")
    problems.extend(axe(page))
    new_password = "Nieuw-wachtwoord-voor-Eva-42"
    page.locator("input[name=new_password1]").fill(new_password)
    page.locator("input[name=new_password2]").fill(new_password)
    with page.expect_navigation():
        page.get_by_role("button", name="Wachtwoord opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw wachtwoord is opgeslagen")
    problems.extend(axe(page))

    log_in(page, "expert@example.org", new_password)
    report("password reset", ["reset", "done", "confirm", "complete"], problems)


def test_lockout_after_five_wrong_passwords(page, demo, axe, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for attempt in range(1, 5):
        submit_login(page, "vrager@example.org", f"fout-{attempt}")
        expect(page.get_by_role("alert")).to_contain_text("klopt niet")
        assert page.get_by_role("heading", level=1).inner_text() == "Inloggen", f"locked out after {attempt}"
    submit_login(page, "vrager@example.org", "fout-5")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen is even geblokkeerd")
    problems = axe(page)
    # Even the right password does not help now.
    submit_login(page, "vrager@example.org", DEMO_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen is even geblokkeerd")
    report("lockout", ["/account/inloggen/ (locked)"], problems)
