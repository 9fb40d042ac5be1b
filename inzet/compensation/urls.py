from django.urls import path

from inzet.compensation import undo_views, views
from inzet.compensation.views import work_form as work_form_views

app_name = "compensation"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("regels/", views.rule_tables, name="rules"),
    path("regels/grenzen/toevoegen/", views.cap_add, name="cap_add"),
    path("organisaties/<int:pk>/instellingen/", views.org_settings, name="org_settings"),
    path("organisaties/<int:pk>/betaalbestand/", views.batch_create, name="batch_create"),
    # one assignment (an accepted invitation)
    path("opdrachten/<int:pk>/", views.assignment, name="assignment"),
    path("opdrachten/<int:pk>/beloning/", views.assignment_reward, name="assignment_reward"),
    path("uitnodigingen/<int:pk>/antwoord/", views.invitation_answer, name="invitation_answer"),
    path("opdrachten/<int:pk>/uren/", views.hours_add, name="hours_add"),
    path("opdrachten/<int:pk>/kosten/", views.expense_add, name="expense_add"),
    path("uren/<int:pk>/corrigeren/", views.hours_correct, name="hours_correct"),
    path("uren/<int:pk>/intrekken/", views.hours_withdraw, name="hours_withdraw"),
    path("uren/<int:pk>/besluit/", views.hours_decide, name="hours_decide"),
    path("uren/<int:pk>/terugdraaien/", undo_views.hours_undo, name="hours_undo"),
    path("kosten/<int:pk>/corrigeren/", views.expense_correct, name="expense_correct"),
    path("kosten/<int:pk>/intrekken/", views.expense_withdraw, name="expense_withdraw"),
    path("kosten/<int:pk>/besluit/", views.expense_decide, name="expense_decide"),
    path("kosten/<int:pk>/terugdraaien/", undo_views.expense_undo, name="expense_undo"),
    path("kosten/<int:pk>/bonnetje/", views.expense_receipt, name="expense_receipt"),
    # coordinator
    path("goedkeuren/", views.approvals, name="approvals"),
    path("afrekenen/", views.settlements, name="settlements"),
    path("afrekenen/vraag/<int:pk>/", views.settle, name="settle"),
    path("afrekeningen/<int:pk>/", views.settlement, name="settlement"),
    path("betalingen/", views.payouts, name="payouts"),
    path("betalingen/<int:pk>/", views.payout, name="payout"),
    path("betaalbestanden/<int:pk>/", views.batch_download, name="batch_download"),
    path("boekhouding/", views.export, name="export"),
    # coordinator and asker
    path("facturen/", views.invoices, name="invoices"),
    path("facturen/<int:pk>/pdf/", views.invoice_pdf, name="invoice_pdf"),
    # expert
    path("jaaroverzicht/<int:year>/", views.statement, name="statement"),
    # expert, or their coordinator on their behalf
    path("ervaringsdeskundigen/<int:expert_pk>/buiten-inzet/", views.external_allowances, name="external"),
    path("ervaringsdeskundigen/<int:expert_pk>/werkvorm/", work_form_views.work_form, name="work_form"),
    path("buiten-inzet/<int:pk>/wijzigen/", views.external_allowance_edit, name="external_edit"),
    path("buiten-inzet/<int:pk>/verwijderen/", views.external_allowance_delete, name="external_delete"),
]
