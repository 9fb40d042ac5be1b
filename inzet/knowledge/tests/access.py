"""Who may open the knowledge pages. The toolkit and the helpdesk form are public; coordinators
and operators edit the toolkit; coordinators handle the helpdesk (their organisation's questions
and unclaimed ones, others 404); askers fill in their organisation's checklist."""

from django.core.files.base import ContentFile

from inzet.knowledge import services
from inzet.knowledge.models import Article
from inzet.lib.testing import LOGIN, everyone, only

SLUG = "wat-is-ervaringsdeskundigheid"  # from migration 0002
MP3 = b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\x00" * 64

PUBLIC = everyone(200)
EDITORS = only({"operator": 200, "coordinator": 200, "other_coordinator": 200}, 403)
HELPDESK = only({"coordinator": 200, "other_coordinator": 200}, 403)
OWN_QUESTION = only({"coordinator": 200, "other_coordinator": 404}, 403)


def _article(o) -> dict:
    return {"slug": SLUG}


def _media(o) -> dict:
    article = Article.objects.get(slug=SLUG)
    item = services.media_add(
        article=article,
        actor=None,
        title="Interview",
        kind="audio",
        transcript="Ik vertel over mijn herstel.",
        upload=ContentFile(MP3, name="interview.mp3"),
    )
    return {"slug": SLUG, "pk": item.pk}


def _revision(o) -> dict:
    return {"slug": SLUG, "number": 1}


def _question(o) -> dict:
    return {"pk": services.question_ask(question="Hoe begin ik?", organisation=o.deploying).pk}


MATRIX = {
    "knowledge:index": (None, PUBLIC, 200),
    "knowledge:article": (_article, PUBLIC, 200),
    "knowledge:article_print": (_article, PUBLIC, 200),
    "knowledge:media_file": (_media, PUBLIC, 200),
    "knowledge:ask": (None, PUBLIC, 200),
    "knowledge:ask_thanks": (None, PUBLIC, 200),
    "knowledge:article_new": (None, EDITORS, LOGIN),
    "knowledge:article_edit": (_article, EDITORS, LOGIN),
    "knowledge:media_add": (_article, EDITORS, LOGIN),
    "knowledge:revisions": (_article, EDITORS, LOGIN),
    "knowledge:revision": (_revision, EDITORS, LOGIN),
    # everyone logged in reads the questions (toolkit pages link here); only askers fill them in
    "knowledge:readiness": (None, only({}, 200), LOGIN),
    "knowledge:queue": (None, HELPDESK, LOGIN),
    "knowledge:log": (None, HELPDESK, LOGIN),
    "knowledge:question": (_question, OWN_QUESTION, LOGIN),
    # POST only (405 before any login check): below
    "knowledge:answer": (_question, everyone(405), 405),
    "knowledge:refer": (_question, everyone(405), 405),
    "knowledge:to_request": (_question, everyone(405), 405),
    "knowledge:close": (_question, everyone(405), 405),
    "knowledge:delete": (_question, everyone(405), 405),
}


def _question_post(o, p) -> dict:
    return _question(o)


# An empty form comes back with its errors (400) for the coordinator; closing needs no form.
POST_MATRIX = {
    "knowledge:answer": (_question_post, only({"coordinator": 400, "other_coordinator": 404}, 403)),
    "knowledge:refer": (_question_post, only({"coordinator": 400, "other_coordinator": 404}, 403)),
    "knowledge:to_request": (_question_post, only({"coordinator": 400, "other_coordinator": 404}, 403)),
    "knowledge:close": (_question_post, only({"coordinator": 302, "other_coordinator": 404}, 403)),
    "knowledge:delete": (_question_post, only({"coordinator": 302, "other_coordinator": 404}, 403)),
}
