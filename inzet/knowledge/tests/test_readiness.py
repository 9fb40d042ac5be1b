"""The readiness rules, without a database."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inzet.knowledge import readiness

answers = st.dictionaries(
    st.sampled_from((*readiness.CODES, "other", "")),
    st.one_of(
        st.fixed_dictionaries(
            {"answer": st.sampled_from((*readiness.ANSWERS, "maybe", "")), "note": st.text(max_size=30)}
        ),
        st.none(),
        st.text(max_size=5),
    ),
)


def test_all_yes_is_complete():
    summary = readiness.summarise({code: {"answer": "yes"} for code in readiness.CODES})
    assert summary.complete and summary.ready == summary.total == len(readiness.CODES)
    assert summary.attention == ()


def test_an_empty_checklist_needs_attention_everywhere():
    summary = readiness.summarise({})
    assert summary.ready == 0 and summary.attention == readiness.CODES and not summary.complete


def test_unknown_questions_and_answers_are_dropped():
    cleaned = readiness.clean_answers({"support": {"answer": "maybe"}, "hack": {"answer": "yes"}, "roles": "yes"})
    assert cleaned == {}


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(answers)
def test_ready_plus_attention_is_always_the_whole_list(raw):
    summary = readiness.summarise(raw)
    assert summary.ready + len(summary.attention) == summary.total
    cleaned = readiness.clean_answers(raw)
    assert set(cleaned) <= set(readiness.CODES)
    assert all(item["answer"] in readiness.ANSWERS and len(item["note"]) <= 1000 for item in cleaned.values())
