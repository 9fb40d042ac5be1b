"""Numbers beyond what the database holds, in page URLs and filters, never give a server error."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

BIG = 2**63 + 5


def _int_pages(resolver=None, namespace=""):
    """Named pages whose URL has only int parameters."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or ""
            if ns in {"admin", "api"}:
                continue
            yield from _int_pages(pattern, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            converters = pattern.pattern.converters
            if converters and all(type(c).__name__ == "IntConverter" for c in converters.values()):
                yield f"{namespace}{pattern.name}", sorted(converters)


PAGES = sorted(_int_pages())
QUERIES = [
    ("directory:experts", f"?gebied={BIG}&organisatie={BIG}&areas={BIG}&organisations={BIG}&pagina={BIG}"),
    ("directory:experts", f"?areas={BIG}&levels={BIG}&roles={BIG}&languages={BIG}&competences={BIG}&settings={BIG}"),
    ("directory:experts", f"?page={BIG}&pagina={BIG}"),
    ("directory:register", f"?pagina={BIG}&page={BIG}&areas={BIG}"),
    ("directory:pool", f"?organisations={BIG}&organisatie={BIG}"),
    ("directory:register_organisations", f"?areas={BIG}&roles={BIG}"),
    ("experts:wizard", "?vanaf=profiel"),
]


@pytest.mark.parametrize("name,params", PAGES)
@pytest.mark.parametrize("persona", ["coordinator", "expert", "operator"])
def test_a_huge_id_in_a_page_url_is_not_a_server_error(client, personas, expert_profile, name, params, persona):
    client.force_login(personas[persona])
    response = client.get(reverse(name, kwargs=dict.fromkeys(params, BIG)))
    assert response.status_code < 500


@pytest.mark.parametrize("name,query", QUERIES)
@pytest.mark.parametrize("persona", ["coordinator", "operator"])
def test_a_huge_number_in_a_filter_is_not_a_server_error(client, personas, expert_profile, name, query, persona):
    client.force_login(personas[persona])
    kwargs = {"step": BIG} if name == "experts:wizard" else None
    response = client.get(reverse(name, kwargs=kwargs) + query)
    assert response.status_code < 500
