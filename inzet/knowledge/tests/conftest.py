import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_throttle():
    # The helpdesk counts questions per client address in the cache: start every test at zero.
    cache.clear()
    yield
    cache.clear()
