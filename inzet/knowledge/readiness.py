"""The asker's readiness checklist: the questions and how ready the answers say they are.

Django-free (labels are passed through gettext_noop-style markers by the caller). The three
central conditions from the field (seed 001 l.623–627, 3760–3772): support and vision
(draagvlak), clear roles and expectations, conditions in the organisation (money, training,
support); plus a realistic timeline (001 l.4786–4793) and knowing what experts can do.
"""

from dataclasses import dataclass

YES, PARTLY, NO, UNKNOWN = "yes", "partly", "no", "unknown"
ANSWERS = (YES, PARTLY, NO, UNKNOWN)


# Support (draagvlak), roles and expectations, conditions, a realistic timeline, what experts can do.
CODES = ("support", "roles", "conditions", "timeline", "abilities")


@dataclass(frozen=True)
class Summary:
    ready: int  # questions answered "yes"
    total: int
    attention: tuple[str, ...]  # codes answered partly, no, unknown or not at all

    @property
    def complete(self) -> bool:
        return self.ready == self.total


def clean_answers(raw: dict) -> dict[str, dict[str, str]]:
    """Keep only known questions and answers; notes are trimmed to 1,000 characters."""
    cleaned = {}
    for code in CODES:
        item = raw.get(code) or {}
        answer = item.get("answer") if isinstance(item, dict) else None
        if answer in ANSWERS:
            cleaned[code] = {"answer": answer, "note": str(item.get("note") or "").strip()[:1000]}
    return cleaned


def summarise(answers: dict) -> Summary:
    cleaned = clean_answers(answers)
    ready = sum(1 for code in CODES if cleaned.get(code, {}).get("answer") == YES)
    attention = tuple(code for code in CODES if cleaned.get(code, {}).get("answer") != YES)
    return Summary(ready=ready, total=len(CODES), attention=attention)
