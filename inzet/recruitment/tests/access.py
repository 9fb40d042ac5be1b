"""Who may open the recruitment pages. The public page and thank-you page are open to all."""

from django.core.files.uploadedfile import SimpleUploadedFile

from inzet.lib.testing import LOGIN, everyone, only
from inzet.lib.tests.samples import PDF_BYTES
from inzet.recruitment import services
from inzet.recruitment.models import Channel


def _page(o) -> dict:
    services.recruitment_page_update(organisation=o.deploying, changes={"is_open": True}, updated_by=None)
    return {"slug": o.deploying.slug}


def _application(o, *, with_file: bool = False) -> dict:
    _page(o)
    application = services.application_submit(
        organisation=o.deploying,
        full_name="Anna Aanmelder",
        email="anna@example.org",
        channel=Channel.WEBSITE,
        motivation_text="Ik wil anderen helpen.",
        motivation_file=SimpleUploadedFile("motivatie.pdf", PDF_BYTES) if with_file else None,
        consent=True,
    )
    return {"slug": o.deploying.slug, "pk": application.pk}


SELECTION = only({"coordinator": 200, "trainer": 200}, 404)
COORDINATOR_PAGE = only({"coordinator": 200, "trainer": 403, "expert": 403}, 404)

MATRIX = {
    "recruitment:apply": (_page, everyone(200), 200),
    "recruitment:thanks": (_page, everyone(200), 200),
    "recruitment:application_list": (_page, only({"coordinator": 200, "trainer": 200, "expert": 403}, 404), LOGIN),
    "recruitment:application_enter": (_page, COORDINATOR_PAGE, LOGIN),
    "recruitment:page_edit": (_page, COORDINATOR_PAGE, LOGIN),
    "recruitment:pipeline": (_page, COORDINATOR_PAGE, LOGIN),
    "recruitment:application_detail": (_application, SELECTION, LOGIN),
    "recruitment:application_decide": (_application, SELECTION, LOGIN),
    "recruitment:application_transcript": (_application, SELECTION, LOGIN),
    "recruitment:application_file": (lambda o: _application(o, with_file=True), SELECTION, LOGIN),
    "recruitment:application_withdraw": (_application, everyone(405), LOGIN),  # POST: below
    "recruitment:vacancy": (_page, everyone(200), 200),
    "recruitment:vacancy_flyer": (_page, everyone(200), 200),
    "recruitment:questions": (_page, COORDINATOR_PAGE, LOGIN),
    "recruitment:group": (_page, COORDINATOR_PAGE, LOGIN),
    "recruitment:intro_talk": (_application, SELECTION, LOGIN),
    "recruitment:shadowing": (_application, SELECTION, LOGIN),
    "recruitment:shadow_evaluation": (_application, SELECTION, LOGIN),
}

POST_MATRIX = {
    "recruitment:application_withdraw": (
        lambda o, p: _application(o),
        only({"coordinator": 302, "trainer": 403}, 404),
    ),
    # An empty decision form comes back with its errors; nobody else may even see it.
    "recruitment:application_decide": (lambda o, p: _application(o), only({"coordinator": 200, "trainer": 200}, 404)),
    "recruitment:application_transcript": (
        lambda o, p: _application(o),
        only({"coordinator": 302, "trainer": 302}, 404),
    ),
    "recruitment:application_enter": (
        lambda o, p: _page(o),
        only({"coordinator": 200, "trainer": 403, "expert": 403}, 404),
    ),
    "recruitment:pipeline": (lambda o, p: _page(o), only({"coordinator": 200, "trainer": 403, "expert": 403}, 404)),
    "recruitment:page_edit": (lambda o, p: _page(o), only({"coordinator": 302, "trainer": 403, "expert": 403}, 404)),
    # Empty forms come back with their errors (200); outsiders never see them.
    "recruitment:questions": (lambda o, p: _page(o), only({"coordinator": 200, "trainer": 403, "expert": 403}, 404)),
    "recruitment:intro_talk": (lambda o, p: _application(o), only({"coordinator": 200, "trainer": 200}, 404)),
    "recruitment:shadowing": (lambda o, p: _application(o), only({"coordinator": 200, "trainer": 200}, 404)),
    "recruitment:shadow_evaluation": (lambda o, p: _application(o), only({"coordinator": 200, "trainer": 200}, 404)),
}
