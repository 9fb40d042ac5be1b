"""Every page every role can reach, in a real browser, checked with axe-core (WCAG 2.1 A/AA).

Each page is loaded once and checked at two widths: a laptop (1280 px) and a phone (390 px; the
viewport is resized in the same page). At both the page must not scroll sideways, no text may stick
out of its box, and axe must find nothing. The layout is checked once more at 320 px, the narrowest
phone in use. The pages of the header menu are photographed per role
into var/screenshots/ at 390 px, the start page also at 1280 px (make test prints the folder).

Also the flows that only a browser proves: two-step login, keyboard-only use, password reset by
e-mail, lockout after wrong passwords, and switching to English.
"""

import re
import shutil
import time
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
WIDE, NARROW = 1280, 390
SMALLEST = 320  # the narrowest phone in use: layout only (axe runs at the two other widths)
HEIGHT = 800
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
# Layout problems at the current width: the document wider than the window; a box whose content
# is wider than the box (text sticking out), except boxes meant to scroll; a box that does scroll
# sideways but cannot be reached and named by keyboard users.
_LAYOUT_CHECK = """() => {
  const problems = [];
  const width = window.innerWidth;
  const doc = document.documentElement.scrollWidth;
  if (doc > width) problems.push(`the page is ${doc} px wide in a ${width} px window`);
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.display === 'inline' || style.display === 'contents') continue;
    if (el.closest('.visually-hidden, .utrecht-skip-link, svg, details:not([open]) > :not(summary)')) continue;
    if (el.matches('input, textarea, select, pre')) continue;  // these scroll their own text
    if (el.clientWidth === 0 || el.scrollWidth <= el.clientWidth + 1) continue;
    if (['auto', 'scroll'].includes(style.overflowX)) {
      if (el.getAttribute('role') !== 'region' || el.getAttribute('tabindex') !== '0' || !el.getAttribute('aria-label')) {
        problems.push(`${describe(el)} scrolls sideways but is not a labelled, focusable region`);
      }
      continue;
    }
    if (el.closest('[role=region][tabindex]')) continue;  // inside a scroll region: it may be wide
    const text = (el.innerText || '').trim().replace(/\\s+/g, ' ').slice(0, 50);
    problems.push(`${describe(el)} is ${el.scrollWidth} px wide inside ${el.clientWidth} px: "${text}"`);
    if (problems.length > 5) break;
  }
  return problems;
}"""
# Resizing fires `resize`; let the page's script and layout settle before measuring.
_SETTLE = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


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
    # Logging out sits in the account menu, which a person who is logged in always has.
    expect(page.locator(".inzet-account").get_by_role("button", name="Uitloggen", include_hidden=True)).to_be_attached()
    return asked_code


def open_menu(page, group: str | None = None) -> None:
    """Open the header menu as a person would: the Menu button on a phone, then a group."""
    toggle = page.get_by_role("button", name="Menu", exact=True)
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    if group is not None:
        summary = page.locator("summary", has_text=group).first
        if summary.locator("xpath=..").get_attribute("open") is None:
            summary.click()


def click_menu(page, group: str | None, link: str) -> None:
    """Go to a page through the header menu: `group` is the top item the link sits under (None: a top link)."""
    open_menu(page, group)
    with page.expect_navigation():
        page.locator(".inzet-header").get_by_role("link", name=link, exact=True).click()


def check_layout(page, width: int) -> list[str]:
    """Resize the shown page to `width` and report what does not fit (see _LAYOUT_CHECK)."""
    page.set_viewport_size({"width": width, "height": HEIGHT})
    page.evaluate(_SETTLE)
    return [f"{page.url} at {width} px: {problem}" for problem in page.evaluate(_LAYOUT_CHECK)]


def fresh_folder(name: str) -> Path:
    """The screenshot folder of one crawl, emptied so it never shows an older run's pages."""
    folder = SCREENSHOTS / name
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def _screenshot_name(path: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"


def check_page(page, axe, shots: Path | None = None, wide_shot: bool = False) -> list[str]:
    """Layout and axe at both widths for the page now shown (loaded at WIDE), and layout at 320 px.

    With `shots`, the phone view is photographed into that folder (the laptop view too when
    `wide_shot`): a screenshot costs about as much as loading the page, so only main pages get one.
    """
    name = _screenshot_name(urlsplit(page.url).path)
    problems = check_layout(page, WIDE) + axe(page)
    if shots is not None and wide_shot:
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / f"{name}-{WIDE}.png"))
    problems += check_layout(page, NARROW) + axe(page)
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / f"{name}-{NARROW}.png"))
    problems += check_layout(page, SMALLEST)
    page.set_viewport_size({"width": WIDE, "height": HEIGHT})
    return problems


def _crawlable(url: str, origin: tuple[str, str]) -> str | None:
    """The path+query to visit for a link, or None when the crawler must not follow it."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or (parts.scheme, parts.netloc) != origin:
        return None  # mailto:, tel:, javascript:, other sites
    if parts.path.startswith(SKIP_PREFIXES) or DESTRUCTIVE.search(parts.path):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(page, axe, base_url: str, start: str = "/", shots: Path | None = None) -> tuple[list[str], list[str]]:
    """Breadth-first over same-origin <a href> links from `start`, GET only.

    Returns (pages visited, problems): a problem is an HTTP error, an axe violation or a layout
    problem, at either width. Pages are deduplicated by path; the query string of the first link to
    a path is kept. The start page and the pages of the header menu are photographed into `shots`.
    """
    base = urlsplit(base_url)
    origin = (base.scheme, base.netloc)
    queue, seen, visited, problems = deque([start]), {urlsplit(start).path}, [], []
    page.set_viewport_size({"width": WIDE, "height": HEIGHT})
    page.goto(start)
    main_pages = {urlsplit(start).path} | {
        urlsplit(href).path
        for href in page.eval_on_selector_all(".inzet-header a[href]", "els => els.map(a => a.href)")
    }
    while queue and len(visited) < MAX_PAGES:
        target = queue.popleft()
        response = page.goto(target)
        visited.append(target)
        landed = urlsplit(page.url)
        seen.add(landed.path)
        if response is None or response.status >= 400:
            problems.append(f"{page.url}: HTTP {response.status if response else 'no response'} (linked as {target})")
            continue
        main = urlsplit(target).path in main_pages
        problems.extend(check_page(page, axe, shots if main else None, wide_shot=target == start))
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


@pytest.mark.layout
def test_anonymous_pages(page, live_server, axe):
    started = time.monotonic()
    shots = fresh_folder("anonymous")
    visited, problems = crawl(page, axe, live_server.url, shots=shots)
    for extra in ("/account/inloggen/", "/account/wachtwoord-vergeten/"):
        if extra not in visited:
            page.goto(extra)
            visited.append(extra)
            problems.extend(check_page(page, axe, shots))
    print(f"\nanonymous crawl: {time.monotonic() - started:.1f} s")
    assert "/account/inloggen/" in visited
    report("anonymous", visited, problems)


@pytest.mark.layout
@pytest.mark.parametrize("email", list(ROLES), ids=[e.split("@")[0] for e in ROLES])
def test_crawl_as_role(page, live_server, demo, axe, email):
    asked_code = log_in(page, email)
    if email == TWO_FACTOR_EMAIL:
        assert asked_code, "the coordinator with a two-step device was not asked for a code"
    started = time.monotonic()
    visited, problems = crawl(page, axe, live_server.url, shots=fresh_folder(email.split("@")[0]))
    if email == "beheerder@example.org":
        # The Django admin is not ours to crawl, but the operator's way in must work.
        response = page.goto("/beheer/")
        visited.append("/beheer/")
        if response is None or response.status >= 400:
            problems.append(f"{page.url}: HTTP {response.status if response else 'no response'}")
        else:
            expect(page.locator("#site-name")).to_be_visible()
            problems.extend(axe(page))
    print(f"\n{email} crawl: {time.monotonic() - started:.1f} s for {len(visited)} pages at two widths")
    assert len(visited) > 1, f"{email}: the home page links to nothing crawlable"
    report(f"{ROLES[email]} ({email})", visited, problems)


@pytest.mark.layout
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


def _tab_through_header(page, limit: int = 12) -> tuple[list[dict], dict]:
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

    # Logged in, the header still shows focus on every control, and stays short: the menu groups
    # are single stops until one is opened.
    stops, after = _tab_through_header(page)
    assert [s["text"] for s in stops] == [
        "Naar de inhoud",
        "Inzet",
        "Mijn overzicht",
        "Aanvragen",
        "Ervaringsdeskundigen",
        "Mijn werk",
        "Vergoedingen",
        "Meer",
        "Mijn account",
        "English",
    ], stops
    assert not after["inHeader"], after
    # Enter opens a group; its links follow in the Tab order; Escape closes it and keeps focus on it.
    page.locator(".inzet-header summary", has_text="Aanvragen").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert _focus_info(page)["text"] == "Binnengekomen vragen"
    page.keyboard.press("Tab")
    assert _focus_info(page)["text"] == "Organisaties"
    page.keyboard.press("Escape")
    expect(page.locator("details.inzet-nav__group[open]")).to_have_count(0)
    assert _focus_info(page)["text"] == "Aanvragen"
    # Logging out is in the account menu.
    page.locator(".inzet-header summary", has_text="Mijn account").focus()
    page.keyboard.press("Enter")
    for _ in range(4):
        page.keyboard.press("Tab")
    assert _focus_info(page)["text"] == "Uitloggen"

    # On a phone the menu folds behind one button that says whether it is open.
    page.set_viewport_size({"width": NARROW, "height": HEIGHT})
    toggle = page.get_by_role("button", name="Menu", exact=True)
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_hidden()
    stops, _after = _tab_through_header(page, limit=5)
    assert [s["text"] for s in stops] == ["Naar de inhoud", "Inzet", "Menu"], stops
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Tab")
    assert _focus_info(page)["text"] == "Mijn overzicht"
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    report("keyboard", ["/account/inloggen/", "/"], axe(page))


def test_menu_without_javascript(browser, live_server, demo):
    """Without JavaScript a phone shows the whole menu, and its groups still open."""
    context = browser.new_context(
        locale="nl-NL",
        base_url=live_server.url,
        java_script_enabled=False,
        viewport={"width": NARROW, "height": HEIGHT},
    )
    page = context.new_page()
    try:
        log_in(page, "coordinator@example.org")
        expect(page.get_by_role("button", name="Menu", exact=True)).to_have_count(0)  # hidden: nothing to open
        nav = page.get_by_role("navigation", name="Hoofdmenu")
        expect(nav).to_be_visible()
        page.locator(".inzet-header summary", has_text="Meer").click()
        with page.expect_navigation():
            nav.get_by_role("link", name="Kennisbank", exact=True).click()
        assert urlsplit(page.url).path == "/kennis/", page.url
        assert page.evaluate("document.documentElement.scrollWidth") <= NARROW
    finally:
        context.close()


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
