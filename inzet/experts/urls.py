from django.urls import path

from inzet.experts import views

app_name = "experts"

urlpatterns = [
    # The expert's own profile
    path("mijn-profiel/", views.my_profile, name="my_profile"),
    path("mijn-profiel/stap/<int:step>/", views.wizard, name="wizard"),
    path("mijn-profiel/samenvatting/", views.summary, name="summary"),
    path("mijn-profiel/inzage/", views.access_log, name="access_log"),
    path("mijn-profiel/bankrekening/", views.my_bank, name="my_bank"),
    # Assisted sign-up by a coordinator
    path("namens/", views.managed_list, name="managed_list"),
    path("namens/aanmelden/", views.assisted_signup, name="assisted_signup"),
    # One profile (the expert, or coordinators of their organisation)
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/stap/<int:step>/", views.wizard_for, name="wizard_for"),
    path("<int:pk>/samenvatting/", views.summary_for, name="summary_for"),
    path("<int:pk>/afdrukken/", views.print_view, name="print"),
    path("<int:pk>/pauze/", views.pause, name="pause"),
    path("<int:pk>/bankrekening/", views.bank_for, name="bank_for"),
    path("<int:pk>/zelf-bijhouden/", views.take_over, name="take_over"),
    path("<int:pk>/niet-beschikbaar/toevoegen/", views.unavailable_add, name="unavailable_add"),
    path("<int:pk>/niet-beschikbaar/<int:period_pk>/verwijderen/", views.unavailable_remove, name="unavailable_remove"),
    path("<int:pk>/opleidingen/toevoegen/", views.training_add, name="training_add"),
    path("<int:pk>/opleidingen/<int:record_pk>/verwijderen/", views.training_remove, name="training_remove"),
    path("<int:pk>/opleidingen/<int:record_pk>/bewijs/", views.evidence, name="evidence"),
    path("<int:pk>/competenties/toevoegen/", views.competence_add, name="competence_add"),
    path("<int:pk>/competenties/<int:competence_pk>/verwijderen/", views.competence_remove, name="competence_remove"),
    path("<int:pk>/competenties/<int:competence_pk>/bevestigen/", views.competence_confirm, name="competence_confirm"),
]
