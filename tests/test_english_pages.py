"""With English chosen, the main pages of each role show no Dutch of ours.

Renders pages with the Django test client (no browser: CI time is tight) and scans the visible
text (text nodes plus aria-label, title, placeholder and alt) for frequent Dutch words. What is
not ours is left out, so it cannot cause a false failure:
- elements marked with another language (`lang="nl"`, e.g. the "Nederlands" button);
- what people typed: the test data is written in English, and every name, title and other value
  it enters is removed from the text before the scan (`_user_content`).
tests/test_translations.py checks the .po file; this checks that pages use it.
"""

import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.urls import reverse

from conftest import make_person
from inzet.engagements import services
from inzet.engagements.tests import factories
from inzet.experts.models import ExpertProfile
from inzet.lib.testing import login_verified
from inzet.organisations.models import Organisation, Role

# Frequent Dutch words that are not English words: one of them on an English page means a string
# of ours was not translated.
DUTCH_WORDS = {
    "de", "het", "een", "niet", "uw", "u", "en", "van", "voor", "naar", "wij", "zijn", "met", "ook",
    "nog", "geen", "wordt", "worden", "heeft", "hebben", "kunt", "deze", "dit", "bij", "op", "als",
    "maar", "wat", "wie", "hoe", "mijn", "uur", "nee", "vraag", "bekijken", "opslaan", "terug",
}  # fmt: skip
_WORD = re.compile(r"[A-Za-zÀ-ÿ']+")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_SKIP = {"script", "style", "template", "noscript"}
_ATTRS = ("aria-label", "title", "placeholder", "alt")


class _VisibleText(HTMLParser):
    """Text a person reads or hears, minus elements in another language."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.parts: list[str] = []

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        lang = (values.get("lang") or "").lower()
        skip = self.skipping or tag in _SKIP or (bool(lang) and not lang.startswith("en") and tag != "html")
        if not skip:
            self.parts.extend(values[name] for name in _ATTRS if values.get(name))
        if tag not in _VOID:
            self.stack.append((tag, skip))

    def handle_startendtag(self, tag, attrs):
        if tag not in _VOID:
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)
        else:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def dutch_left(html: str, user_content: list[str]) -> list[str]:
    """The Dutch words on the page, each with a little context."""
    parser = _VisibleText()
    parser.feed(html)
    text = " ".join(" ".join(parser.parts).split())
    for value in sorted(user_content, key=len, reverse=True):
        if value:
            text = text.replace(value, " ")
    found = []
    for match in _WORD.finditer(text):
        if match.group().lower() in DUTCH_WORDS:
            found.append(f"{match.group()!r} in …{text[max(0, match.start() - 50) : match.end() + 50]}…")
    return found


def test_the_scanner_finds_dutch_and_skips_other_languages_and_user_content():
    page = (
        '<html lang="en"><body><p>Your request</p><button lang="nl">Nederlands</button>'
        '<p>Gemeente Test asks: "help de stad"</p><p aria-label="Terug naar de vraag">x</p></body></html>'
    )
    found = dutch_left(page, ['"help de stad"'])
    assert len(found) == 4  # Terug, naar, de, vraag in the aria-label; not the button nor the quote
    assert all("Terug naar de vraag" in line for line in found)


@pytest.fixture
def english_world(db, settings):
    """A request in each state a role sees, all content in English."""
    platform = Organisation.objects.create(name="Platform", slug="platform", kind=Organisation.Kind.PLATFORM)
    deploying = Organisation.objects.create(name="Lived Experience", slug="lived", kind=Organisation.Kind.DEPLOYING)
    asking = Organisation.objects.create(name="City Council", slug="city", kind=Organisation.Kind.ASKER)

    class World:
        pass

    world = World()
    world.orgs = type("Orgs", (), {"platform": platform, "deploying": deploying, "asker": asking})
    world.operator = make_person("operator@example.org", "Olive Operator", [(platform, Role.OPERATOR)])
    world.coordinator = make_person("coordinator@example.org", "Carl Coordinator", [(deploying, Role.COORDINATOR)])
    world.asker = make_person("asker@example.org", "Alice Asker", [(asking, Role.ASKER)])
    world.expert = make_person("expert@example.org", "Emma Expert", [(deploying, Role.EXPERT)])
    world.profile = ExpertProfile.objects.create(user=world.expert, organisation=deploying, postcode="3511 AB")
    others = [
        ExpertProfile.objects.create(
            user=make_person(f"pool{i}@example.org", f"Pat Pool{i}", [(deploying, Role.EXPERT)]),
            organisation=deploying,
        )
        for i in range(2)
    ]
    fields = {
        "title": "Budget panel",
        "goal": "Test the budget against lived experience",
        "activities": "Two meetings",
        "location": "Town hall",
        "amount_offered": Decimal("50.00"),
    }
    world.draft = factories.draft(world.orgs, world.asker, **fields)
    world.matching = factories.matching(world.orgs, world.asker, world.coordinator, **fields)
    world.invitation = services.invitation_create(
        engagement=world.matching, expert=world.profile, actor=world.coordinator, message="Would you join?"
    )
    world.running = factories.running(world.orgs, world.asker, world.coordinator, others, **fields)
    world.user_content = [
        *(v for v in fields.values() if isinstance(v, str)),
        # The factories' intake answers and agreement are typed by people too (in Dutch there).
        *(v for v in factories.ACCEPT_ANSWERS.values() if isinstance(v, str)),
        *(v for v in factories.AGREEMENT_DATA.values() if isinstance(v, str)),
        "Would you join?",
        "3511 AB",
        *(o.name for o in (platform, deploying, asking)),
        *(u.full_name for u in (world.operator, world.coordinator, world.asker, world.expert)),
        *(p.user.full_name for p in others),
        *(p.user.email for p in others),
        *(u.email for u in (world.operator, world.coordinator, world.asker, world.expert)),
    ]
    return world


def _pages(world) -> dict[str, list[str]]:
    return {
        "asker": [
            reverse("dashboard:home"),
            reverse("engagements:mine"),
            reverse("engagements:edit", args=[world.draft.pk, "controleren"]),
            reverse("engagements:edit", args=[world.draft.pk, "vergoeding"]),
            reverse("engagements:detail", args=[world.running.pk]),
        ],
        "coordinator": [
            reverse("dashboard:home"),
            reverse("engagements:inbox"),
            reverse("engagements:detail", args=[world.matching.pk]),
        ],
        "expert": [
            reverse("dashboard:home"),
            reverse("engagements:invitations"),
            reverse("engagements:invitation", args=[world.invitation.pk]),
            reverse("experts:wizard", args=[1]),
        ],
        "operator": [reverse("dashboard:home")],
    }


@pytest.mark.parametrize("role", ["asker", "coordinator", "expert", "operator"])
def test_main_pages_in_english_show_no_dutch_of_ours(client, english_world, role):
    login_verified(client, getattr(english_world, role))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    problems = []
    for url in _pages(english_world)[role]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert '<html lang="en"' in response.content.decode()
        problems += [f"{url}: {line}" for line in dutch_left(response.content.decode(), english_world.user_content)]
    assert not problems, "\n".join(problems[:40])


def test_the_matching_page_in_english_shows_no_dutch_of_ours(client, english_world):
    login_verified(client, english_world.coordinator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(reverse("matching:request", args=[english_world.matching.pk]))
    assert response.status_code == 200
    assert not dutch_left(response.content.decode(), english_world.user_content)
