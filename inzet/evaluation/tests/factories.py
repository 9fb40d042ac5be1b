"""Test data for evaluation made through its services, as the pages make it."""

import uuid

from inzet.evaluation import feedback


def asker_feedback(by, request_pk: int, **answers):
    """`by`'s answer to the asker's questions on a request; `answers` replace the plain defaults."""
    values = {"goal_met": 5, "cooperation": 5, "follow_up": "x", "price": "n_a", "remarks": ""} | answers
    return feedback.asker_feedback_give(
        parties=feedback.parties(by, request_pk), by=by, request_key=uuid.uuid4(), **values
    )
