"""The toolkit: public reading, Dutch search, print view, editors with revisions, media with transcripts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inzet.knowledge import services
from inzet.knowledge.models import Article, Category, MediaItem, Revision

pytestmark = pytest.mark.django_db

MP3 = b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" * 200


def _slugs(response) -> set[str]:
    return {a.slug for a in response.context["articles"]}


def _new_article(**changes) -> Article:
    data = {
        "slug": "proef",
        "kind": "article",
        "category": Category.objects.get(slug="basis"),
        "title": "Proefpagina",
        "title_en": "Test page",
        "summary": "Kort.",
        "summary_en": "Short.",
        "body": "Tekst.",
        "body_en": "Text.",
        "for_askers": True,
        "published": True,
    } | changes
    return services.article_save(article=None, actor=None, data=data)


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("betalingen", "eerlijk-betalen-en-uitkeringen"),
        ("uitkeringen", "eerlijk-betalen-en-uitkeringen"),
        ("bijeenkomsten voorbereiden", "een-bijeenkomst-voorbereiden"),
        ("niveau", "wat-is-ervaringsdeskundigheid"),
        ("onderzoeken", "tien-punten-voor-onderzoek"),
        ("paying fairly", "eerlijk-betalen-en-uitkeringen"),  # the English text is indexed too
    ],
)
def test_search_finds_pages_by_dutch_word_forms(client, query, slug):
    response = client.get(reverse("knowledge:index"), {"q": query})
    assert response.status_code == 200
    assert slug in _slugs(response)


def test_search_needs_every_word_and_says_when_nothing_is_found(client):
    response = client.get(reverse("knowledge:index"), {"q": "betaling zeppelin"})
    assert _slugs(response) == set()
    assert "Niets gevonden" in response.content.decode()


def test_the_audience_filter_keeps_pages_for_that_audience(client):
    response = client.get(reverse("knowledge:index"), {"audience": "expert"})
    found = Article.objects.filter(slug__in=_slugs(response))
    assert found and all(a.for_experts for a in found)
    assert "een-bijeenkomst-voorbereiden" not in _slugs(response)


def test_anyone_reads_a_page_with_its_audience_sources_and_cross_links(client):
    response = client.get(reverse("knowledge:article", args=["eerlijk-betalen-en-uitkeringen"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "vragers, ervaringsdeskundigen, coördinatoren" in html
    assert 'href="https://www.belastingdienst.nl/' in html
    assert reverse("compensation:rules") in html  # points to the live rule tables
    assert reverse("knowledge:article", args=["gratis-vragen"]) in html
    assert "000_" not in html and ".txt" not in html  # never a file name of ours


def test_a_question_without_an_answer_yet_says_so(client):
    html = client.get(reverse("knowledge:article", args=["keurmerk-voor-ervaringsdeskundigen"])).content.decode()
    assert "Nog geen antwoord." in html


def test_the_english_page_shows_the_english_text(client):
    client.cookies["django_language"] = "en"
    html = client.get(reverse("knowledge:article", args=["tien-stappen-naar-succes"]), HTTP_ACCEPT_LANGUAGE="en")
    assert "Celebrate success." in html.content.decode()


def test_an_unpublished_page_is_hidden_from_readers_but_not_from_editors(client, coordinator):
    _new_article(published=False)
    assert client.get(reverse("knowledge:article", args=["proef"])).status_code == 404
    assert "proef" not in _slugs(client.get(reverse("knowledge:index")))
    client.force_login(coordinator)
    assert client.get(reverse("knowledge:article", args=["proef"])).status_code == 200


def test_the_print_view_has_a_print_button_and_no_inline_code(client):
    html = client.get(reverse("knowledge:article_print", args=["tien-stappen-naar-succes"])).content.decode()
    assert "data-inzet-print" in html
    assert " style=" not in html and "<style" not in html
    assert html.count("<script") == 1 and 'src="/static/inzet/inzet.js"' in html
    assert "inzet-print-only" in html  # source addresses are spelled out on paper


def test_html_typed_into_an_article_is_shown_as_text(client):
    _new_article(body="<script>alert(1)</script> [klik](javascript:alert(1))")
    html = client.get(reverse("knowledge:article", args=["proef"])).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html


def test_the_toolkit_list_costs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    for i in range(30):
        _new_article(slug=f"proef-{i}", title=f"Proef {i}")
    with django_assert_max_num_queries(4):
        response = client.get(reverse("knowledge:index"), {"q": "proef"})
    assert sum(a.slug.startswith("proef-") for a in response.context["articles"]) == 30


def test_an_article_page_costs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        client.get(reverse("knowledge:article", args=["eerlijk-betalen-en-uitkeringen"]))


# --- editors -----------------------------------------------------------------------------------------


def _form(**changes) -> dict:
    return {
        "title": "Vervoer regelen",
        "title_en": "Arranging transport",
        "slug": "vervoer-regelen",
        "kind": "qa",
        "category": Category.objects.get(slug="samenwerken").pk,
        "summary": "Betaal de taxi of de trein.",
        "summary_en": "Pay for the taxi or train.",
        "body": "Vraag wat iemand nodig heeft.",
        "body_en": "Ask what someone needs.",
        "for_askers": "on",
        "published": "on",
        "sources_text": "Rijksoverheid | https://www.rijksoverheid.nl/",
        "related": [Article.objects.get(slug="een-bijeenkomst-voorbereiden").pk],
        "note": "Nieuw",
    } | changes


def test_a_coordinator_writes_a_page_and_every_save_is_a_revision(client, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("knowledge:article_new"), _form())
    assert response.status_code == 302
    article = Article.objects.get(slug="vervoer-regelen")
    assert [(s.title, s.url) for s in article.sources.all()] == [("Rijksoverheid", "https://www.rijksoverheid.nl/")]
    assert list(article.related.values_list("slug", flat=True)) == ["een-bijeenkomst-voorbereiden"]
    client.post(reverse("knowledge:article_edit", args=["vervoer-regelen"]), _form(body="Nieuwe tekst.", note="Beter"))
    assert list(Revision.objects.filter(article=article).values_list("number", "body", "note")) == [
        (2, "Nieuwe tekst.", "Beter"),
        (1, "Vraag wat iemand nodig heeft.", "Nieuw"),
    ]
    assert client.get(reverse("knowledge:index"), {"q": "taxi"}).context["articles"][0].slug == "vervoer-regelen"
    history = client.get(reverse("knowledge:revisions", args=["vervoer-regelen"])).content.decode()
    assert "Versie 2" in history and "Cor Coördinator" in history
    old = client.get(reverse("knowledge:revision", args=["vervoer-regelen", 1])).content.decode()
    assert "Vraag wat iemand nodig heeft." in old


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"slug": "checklist"}, "Dit adres is al in gebruik door Inzet"),
        ({"for_askers": ""}, "Kies voor wie deze pagina is"),
        ({"sources_text": "Een bron zonder adres"}, "Regel 1: schrijf de bron als"),
        ({"title": ""}, "Dit veld is verplicht"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_saves_nothing(client, operator, changes, message):
    client.force_login(operator)
    response = client.post(reverse("knowledge:article_new"), _form(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Article.objects.filter(title="Vervoer regelen").exists()
    assert "Vraag wat iemand nodig heeft." in response.content.decode()  # what was typed is kept


def test_media_needs_a_transcript_and_a_real_file(client, coordinator, django_capture_on_commit_callbacks):
    client.force_login(coordinator)
    url = reverse("knowledge:media_add", args=["wat-is-ervaringsdeskundigheid"])
    base = {"title": "Verhaal van Sam", "kind": "video", "url": "https://video.example.org/sam"}
    response = client.post(url, base)
    assert "Schrijf uit wat er gezegd wordt" in response.content.decode()
    fake = SimpleUploadedFile("sam.mp3", b"dit is geen geluid" * 20)
    response = client.post(url, {**base, "url": "", "transcript": "Sam vertelt.", "file": fake})
    assert "Dit bestand is niet wat de naam zegt" in response.content.decode()
    response = client.post(url, {**base, "url": "", "transcript": "Sam vertelt."})
    assert "Geef een link óf kies een bestand" in response.content.decode()
    text = SimpleUploadedFile("sam.txt", b"Gewone tekst over Sam.\n" * 5)
    response = client.post(url, {**base, "url": "", "transcript": "Sam vertelt.", "file": text})
    assert "Kies geluid (mp3, m4a, ogg, wav) of video" in response.content.decode()
    assert not MediaItem.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                **base,
                "kind": "audio",
                "url": "",
                "transcript": "Sam vertelt.",
                "file": SimpleUploadedFile("sam.mp3", MP3),
            },
        )
    assert response.status_code == 302
    item = MediaItem.objects.get()
    html = client.get(reverse("knowledge:article", args=["wat-is-ervaringsdeskundigheid"])).content.decode()
    assert "Sam vertelt." in html and "Uitgeschreven tekst" in html
    client.logout()
    download = client.get(reverse("knowledge:media_file", args=["wat-is-ervaringsdeskundigheid", item.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == MP3


def test_a_media_item_without_a_transcript_cannot_be_stored_at_all():
    from django.db import IntegrityError

    article = Article.objects.get(slug="wat-is-ervaringsdeskundigheid")
    with pytest.raises(IntegrityError):
        MediaItem.objects.create(article=article, title="x", kind="audio", url="https://x.example.org", transcript="")
