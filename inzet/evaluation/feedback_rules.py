"""Pure rules of the feedback on a completed request: no Django here, tested directly.

- `flagged_words`: which words of the operator's list occur in a text (whole words, any case,
  also as the start of a longer word: "verslaafd" flags "verslaafde").
- `feedback_score`: the matching criterion "Eerdere feedback" for one expert, 0.0–1.0, from the
  approved answers of askers (goal met, cooperation; 1–5) on requests the expert worked on.
"""

import re
import unicodedata
from collections.abc import Iterable

SCALE_MIN, SCALE_MAX = 1, 5


def _fold(text: str) -> str:
    # Lower case without accents, so "geïsoleerd" and "geisoleerd" match alike.
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def flagged_words(texts: Iterable[str], words: Iterable[str]) -> list[str]:
    """The list words found at the start of a word in any of the texts, sorted, each once."""
    tokens = set()
    for text in texts:
        tokens.update(re.findall(r"\w+", _fold(text or "")))
    found = set()
    for word in words:
        folded = _fold(word.strip())
        if folded and any(token.startswith(folded) for token in tokens):
            found.add(word.strip())
    return sorted(found)


def feedback_score(ratings: Iterable[tuple[int, int]]) -> float | None:
    """Mean of (goal met, cooperation) mapped from 1–5 onto 0–1; None without any rating."""
    values = [v for pair in ratings for v in pair if v is not None and SCALE_MIN <= v <= SCALE_MAX]
    if not values:
        return None
    mean = sum(values) / len(values)
    return round((mean - SCALE_MIN) / (SCALE_MAX - SCALE_MIN), 4)
