"""The knowledge demo: a readiness checklist and a helpdesk queue."""

from inzet.knowledge.models import HelpdeskQuestion


def test_the_demo_shows_a_checklist_and_a_queue_and_loads_once(db):
    from inzet.demo.data import load_demo
    from inzet.demo.knowledge import load_knowledge_demo
    from inzet.knowledge.models import ReadinessChecklist

    load_demo()
    load_knowledge_demo()
    assert ReadinessChecklist.objects.get().organisation.slug == "gemeente-utrecht"
    assert HelpdeskQuestion.objects.count() == 3
    assert set(HelpdeskQuestion.objects.values_list("channel", flat=True)) == {"web", "phone"}
