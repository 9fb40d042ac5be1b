"""Pure rules of the signals app (no Django): does a public text give away a private part?"""

import re
from collections.abc import Iterable

# A run of this many words taken from a private part counts as giving it away.
RUN = 4
MIN_CHARS = 3


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def leaks(public: str, private_parts: Iterable[str]) -> bool:
    """True when `public` contains a private part whole, or any run of RUN of its words in order.

    Case, punctuation and spacing do not matter: "Gemeente  Zwolle!" gives away "gemeente zwolle".
    """
    text = " " + " ".join(_words(public)) + " "
    for part in private_parts:
        words = _words(part)
        if not words or len("".join(words)) < MIN_CHARS:
            continue
        if len(words) <= RUN:
            if f" {' '.join(words)} " in text:
                return True
            continue
        for start in range(len(words) - RUN + 1):
            if f" {' '.join(words[start : start + RUN])} " in text:
                return True
    return False
