"""Checks for the expert list benchmark (bench.py): a fast page must also be the right page."""


def same_page_as_the_plain_query(url: str, params: dict, user) -> int:
    """A fast page must be the right page: it shows the first 25 that the plain ORM query (no
    compiled SQL, no facets) finds, in the same order, and the same total (reported: an empty page
    would look fast)."""
    from django.test import RequestFactory

    from inzet.directory import selectors
    from inzet.directory.page_query import coordinator_queryset
    from inzet.directory.views import _filter_form

    request = RequestFactory().get(url, params)
    request.user = user
    filters = _filter_form(request).to_filters()
    plain = coordinator_queryset(selectors.staff_organisation_ids(user), filters, None)
    expected = list(plain.values_list("pk", flat=True)[: selectors.PAGE_SIZE])
    page = selectors.expert_page(user, filters)
    if [row.profile.pk for row in page.rows] != expected or page.total != plain.count():
        raise AssertionError("the expert list's page differs from the plain query's")
    return page.total
