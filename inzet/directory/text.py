"""Dutch full-text search without a search server: normalise, drop stop words, stem (Snowball).

Django-free. A search document is a string of words with a space on both sides; each word is
stored as written (normalised) and as its stem. A query matches when every query word is found:
its stem starts a word of the document (stems of 5+ letters), or the word as typed starts one, or
its short stem is a whole word. So "schulden", "schuld" and "schul" all find "Armoede en
schulden", and a half-typed "amster" finds "Amsterdam" (its stem "am" alone would find too much).
Works with a plain LIKE on SQLite and PostgreSQL.
"""

import re
import threading
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain

import snowballstemmer

# Short Dutch function words: they carry no meaning for search and would make AND-queries fail.
STOPWORDS = frozenset(
    [
        "aan",
        "al",
        "als",
        "bij",
        "dan",
        "dat",
        "de",
        "den",
        "der",
        "des",
        "die",
        "dit",
        "door",
        "een",
        "en",
        "er",
        "het",
        "hij",
        "hoe",
        "ik",
        "in",
        "is",
        "je",
        "met",
        "na",
        "naar",
        "niet",
        "noch",
        "of",
        "om",
        "onder",
        "ook",
        "op",
        "over",
        "te",
        "ten",
        "ter",
        "tot",
        "u",
        "uit",
        "van",
        "voor",
        "wat",
        "we",
        "wie",
        "wij",
        "zij",
        "zo",
    ]
)
MAX_QUERY_TERMS = 8
MAX_WORD_LENGTH = 40
_WORD = re.compile(r"[a-z0-9]+")
_local = threading.local()


def _stemmer():
    # Snowball stemmers keep state while stemming: one per thread.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("dutch")
    return stemmer


def normalise(text: str) -> str:
    """Lower case without accents: "Coördinator" → "coordinator"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return [w[:MAX_WORD_LENGTH] for w in _WORD.findall(normalise(text)) if w not in STOPWORDS]


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    # Cached: Snowball in pure Python is slow, and labels and names repeat across many experts.
    return _stemmer().stemWord(word)


@lru_cache(maxsize=100_000)
def _tokens(part: str) -> tuple[str, ...]:
    return tuple(token for word in words(part) for token in (word, stem(word)))


def build_document(parts: Iterable[str]) -> str:
    """The indexed text for some labels and names: every word and its stem, once each."""
    seen = dict.fromkeys(chain.from_iterable(map(_tokens, filter(None, parts))))
    return f" {' '.join(seen)} " if seen else ""


MIN_PREFIX_STEM = 5


def query_terms(query: str) -> list[tuple[str, ...]]:
    """Per query word, the strings of which the document must contain at least one."""
    terms: dict[tuple[str, ...], None] = {}
    for word in words(query):
        root = stem(word)
        if len(root) >= MIN_PREFIX_STEM:
            options = (f" {root}",) if word.startswith(root) else (f" {root}", f" {word}")
        else:
            options = (f" {word}", f" {root} ")
        terms.setdefault(tuple(dict.fromkeys(options)))
    return list(terms)[:MAX_QUERY_TERMS]


def matches(document: str, query: str) -> bool:
    """The same rule as the database filter, for tests and small in-memory lists."""
    return all(any(option in document for option in options) for options in query_terms(query))
