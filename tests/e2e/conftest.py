"""Real-browser tests: Playwright (sync API) driving Debian's Chromium against pytest-django's live server.

The browser is the system one (`apt-get install chromium`); nothing downloads a browser. When it is
missing the tests fail with instructions, they never skip: an accessibility suite that silently
does not run is worse than none.
"""

import functools
import os
from pathlib import Path

import pytest

# Playwright's sync API keeps an asyncio event loop running in this thread; Django's ORM would
# otherwise refuse every query from the test (SynchronousOnlyOperation).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("INZET_CHROMIUM", "/usr/bin/chromium"))
AXE_JS = ROOT / "build" / "assets" / "vendor" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Serialisable summary of every violation: rule, impact, help text and the first few targets.
_AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, count: v.nodes.length,
    targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
  }));
}"""


# The database as the migrations left it (reference data included), per alias; taken by
# pytest-django when the test databases are created, because `page` asks for serialized rollback.
_SNAPSHOTS: dict[str, str] = {}


def _reset_database(request) -> None:
    """Once per test: put the database back exactly as the migrations left it.

    live_server makes every test transactional, and transactional tests end with a flush that also
    wipes what data migrations loaded (taxonomy terms). Django's own serialized rollback cannot be
    used blindly: after a flush by another transactional test, post_migrate has recreated the
    content types under new ids and reloading the snapshot fails on their unique names. So flush
    without post_migrate and load the snapshot.
    """
    if getattr(request.node, "_inzet_db_reset", False):
        return
    request.node._inzet_db_reset = True
    if not _SNAPSHOTS:
        pytest.fail("pytest-django did not snapshot the test database (serialized rollback is off?)", pytrace=False)
    _load_snapshots()


def _load_snapshots() -> None:
    from django.apps import apps
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connections

    for alias, contents in _SNAPSHOTS.items():
        call_command("flush", database=alias, interactive=False, verbosity=0, inhibit_post_migrate=True)
        connection = connections[alias]
        connection.creation.deserialize_db_from_string(contents)
        # The snapshot brings explicit ids; on PostgreSQL the sequences must follow, or the next
        # insert collides with a restored row.
        statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
        if statements:
            with connection.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)


@pytest.fixture(scope="module")
def browser(django_db_setup, django_db_blocker):
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}. The browser tests need Debian's Chromium: "
            "run `sudo apt-get install chromium` (or set INZET_CHROMIUM to another Chromium binary).",
            pytrace=False,
        )
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `make setup` to build the front-end assets.", pytrace=False)
    from django.db import connections
    from playwright.sync_api import sync_playwright

    for alias in connections:
        if hasattr(connections[alias], "_test_serialized_contents"):
            _SNAPSHOTS[alias] = connections[alias]._test_serialized_contents
    with sync_playwright() as p:
        # While Playwright's event loop runs, Django keeps its connections in a context variable
        # instead of a thread-local, so tests get other connection objects. Make sure those do not
        # carry the snapshot, so pytest-django leaves restoring it to _reset_database().
        hidden = {}
        for alias in _SNAPSHOTS:
            connection = connections[alias]
            if hasattr(connection, "_test_serialized_contents"):
                hidden[alias] = connection
                del connection._test_serialized_contents
        # A plain launch uses a fresh, throw-away user-data-dir.
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        try:
            with django_db_blocker.unblock():
                # Leave the migrated data for the tests that run after this module in the same
                # process (xdist hands out files largest first, so plain `db` tests can follow).
                _load_snapshots()
        finally:
            # Close these connections while they can still be reached, or PostgreSQL cannot drop
            # the test database at the end of the session.
            connections.close_all()
            for alias, connection in hidden.items():
                connection._test_serialized_contents = _SNAPSHOTS[alias]


@pytest.fixture(autouse=True)
def _e2e_database(request):
    """Browser tests in this folder start from the migrated database, before any data fixture."""
    if "page" in request.fixturenames:
        request.getfixturevalue("browser")
        request.getfixturevalue("transactional_db")
        _reset_database(request)


@pytest.fixture
def page(request, browser, live_server, django_db_serialized_rollback):
    # django_db_serialized_rollback: makes pytest-django snapshot the migrated database when it
    # creates it; _reset_database() restores that snapshot before each test.
    _reset_database(request)
    # A Dutch browser, like most of our users: LocaleMiddleware would otherwise follow
    # Chromium's en-US Accept-Language for anonymous visitors.
    context = browser.new_context(locale="nl-NL", base_url=live_server.url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    # Anything the Content-Security-Policy blocks (an inline script or style) breaks a page
    # silently for the person using it; here it fails the test.
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(f"{page.url}: {message.text}") if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()
    assert blocked == [], "\n".join(blocked)


@pytest.fixture
def demo(request, browser, live_server):
    """The demo dataset inside the test database; the live server sees the same database."""
    from inzet.demo.data import load_demo

    _reset_database(request)
    return load_demo()


@pytest.fixture
def axe():
    """`axe(page)` → list of readable violation lines for the page now shown."""
    return run_axe


@functools.cache
def _axe_source() -> str:
    return AXE_JS.read_text()


def run_axe(page) -> list[str]:
    """Run axe-core (WCAG 2.0/2.1 A and AA) on the current page; one readable line per violation."""
    # Evaluated, not added as a <script>: the Content-Security-Policy forbids inline scripts,
    # and the pages are tested under the real policy.
    page.evaluate(_axe_source())
    violations = page.evaluate(_AXE_RUN, AXE_TAGS)
    where = page.url
    return [
        f"{where}: [{v['impact']}] {v['id']} – {v['help']} ({v['count']}×, e.g. {', '.join(v['targets'])}) {v['helpUrl']}"
        for v in violations
    ]
