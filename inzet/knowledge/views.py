"""The toolkit pages (public) and its editor (coordinators and operators)."""

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from inzet.knowledge import permissions, selectors, services
from inzet.knowledge.forms import MEDIA_USE, ArticleForm, MediaForm, SearchForm
from inzet.knowledge.models import Article, MediaItem, Revision
from inzet.lib import uploads
from inzet.lib.views import posted, posted_files, save_form


def index(request: HttpRequest) -> HttpResponse:
    categories = selectors.categories()
    form = SearchForm(request.GET or None, categories=categories)
    filters = form.cleaned_data if form.is_valid() else {}
    editor = permissions.can_edit_toolkit(request.user)
    found = list(
        selectors.articles(
            query=filters.get("q", ""),
            category=filters.get("category", ""),
            audience=filters.get("audience", ""),
            editor=editor,
        )
    )
    return render(
        request,
        "knowledge/index.html",
        {"form": form, "articles": found, "searched": bool(request.GET), "can_edit": editor},
    )


def _article_page(request: HttpRequest, slug: str, template: str) -> HttpResponse:
    article = permissions.get_article(slug, request.user)
    related = article.related.filter(published=True).order_by("title")
    context = {
        "article": article,
        "sources": list(article.sources.all()),
        "media": list(article.media.all()),
        "related": list(related),
        "can_edit": permissions.can_edit_toolkit(request.user),
    }
    return render(request, template, context)


def article(request: HttpRequest, slug: str) -> HttpResponse:
    return _article_page(request, slug, "knowledge/article.html")


def article_print(request: HttpRequest, slug: str) -> HttpResponse:
    return _article_page(request, slug, "knowledge/article_print.html")


def media_file(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    article = permissions.get_article(slug, request.user)
    item = get_object_or_404(MediaItem, pk=pk, article=article)
    if not item.file:
        raise Http404
    response = FileResponse(
        item.file.open("rb"),
        as_attachment=True,
        filename=item.file_name or f"media.{uploads.extension_of(item.file.name)}",
        content_type=uploads.content_type(item.file.name),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- editors -----------------------------------------------------------------------------------------


@login_required
def article_edit(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    permissions.require_editor(request.user)
    instance = get_object_or_404(Article, slug=slug) if slug else None
    form = ArticleForm(posted(request), instance=instance)
    if request.method == "POST" and form.is_valid():
        saved = save_form(
            request,
            form,
            lambda: services.article_save(
                article=instance,
                actor=request.user,
                data=form.article_data(),
                sources=form.cleaned_data["sources_text"],
                related=list(form.cleaned_data["related"]),
                note=form.cleaned_data["note"],
            ),
            success=_("De pagina is opgeslagen."),
        )
        if saved:
            return redirect("knowledge:article", slug=saved.result.slug)
    return render(request, "knowledge/article_form.html", {"form": form, "article": instance})


@uploads.accepts_uploads(MEDIA_USE)
@login_required
def media_add(request: HttpRequest, slug: str) -> HttpResponse:
    permissions.require_editor(request.user)
    article = get_object_or_404(Article, slug=slug)
    form = MediaForm(posted(request), posted_files(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if save_form(
            request,
            form,
            lambda: services.media_add(
                article=article,
                actor=request.user,
                title=data["title"],
                kind=data["kind"],
                url=data["url"],
                upload=data["file"],
                transcript=data["transcript"],
            ),
            success=_("Het geluid of de video is toegevoegd."),
        ):
            return redirect("knowledge:article", slug=slug)
    return render(request, "knowledge/media_form.html", {"form": form, "article": article})


@login_required
def revisions(request: HttpRequest, slug: str) -> HttpResponse:
    permissions.require_editor(request.user)
    article = get_object_or_404(
        Article.objects.prefetch_related(
            Prefetch("revisions", queryset=Revision.objects.select_related("saved_by"), to_attr="history")
        ).select_related("category"),
        slug=slug,
    )
    return render(request, "knowledge/revisions.html", {"article": article})


@login_required
def revision(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    permissions.require_editor(request.user)
    article = get_object_or_404(Article, slug=slug)
    row = get_object_or_404(article.revisions.select_related("saved_by"), number=number)
    return render(request, "knowledge/revision.html", {"article": article, "revision": row})
