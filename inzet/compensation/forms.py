import datetime as dt
import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from inzet.compensation import pricing
from inzet.compensation.files import validate_receipt
from inzet.compensation.models import AllowanceCapRow, OrganisationPaymentSettings, PayoutBatch
from inzet.experts.models import RewardForm
from inzet.lib import iban


class DutchDecimalField(forms.DecimalField):
    """Accepts 2,5 as well as 2.5 and 1.234,56 — how people write numbers in Dutch."""

    widget = forms.TextInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("decimal_places", 2)
        super().__init__(*args, **kwargs)
        self.error_messages["invalid"] = _("Vul een getal in, bijvoorbeeld 2,5.")

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace("€", "").replace(" ", "")
            if "," in value:
                # 1.234,56: dots group thousands, the comma is the decimal sign.
                value = value.replace(".", "").replace(",", ".")
            elif value.count(".") > 1 or re.fullmatch(r"\d{1,3}\.\d{3}", value):
                # 2.100 is two thousand one hundred in Dutch; 2.5 stays two and a half.
                value = value.replace(".", "")
        return super().to_python(value)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("step", None)
        attrs["inputmode"] = "decimal"
        return attrs


def _date(label, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Vul een datum in."), "invalid": _("Vul een datum in zoals 31-12-2025.")},
        **kwargs,
    )


def _correction_reason() -> forms.CharField:
    """The reason every correction of an hour row or an expense claim needs (it stays with the chain)."""
    return forms.CharField(
        label=_("Waarom corrigeert u dit?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf op waarom u dit corrigeert.")},
    )


def _hours_description() -> forms.CharField:
    return forms.CharField(label=_("Wat heeft u gedaan? (niet verplicht)"), max_length=300, required=False)


class HoursForm(forms.Form):
    date = _date(_("Datum"))
    hours = DutchDecimalField(
        label=_("Aantal uren"),
        min_value=Decimal("0.25"),
        max_value=Decimal(24),
        help_text=_("Bijvoorbeeld 2,5 voor tweeënhalf uur."),
        error_messages={"required": _("Vul het aantal uren in."), "min_value": _("Vul minstens 0,25 uur in.")},
    )
    description = _hours_description()
    confirm = forms.BooleanField(
        label=_("Het klopt, ook al valt het buiten de afspraak"),
        required=False,
        help_text=_("Alleen nodig als Inzet vraagt of het klopt: een datum buiten de periode, of veel meer uren."),
    )

    def __init__(self, *args, half_days: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if half_days:
            # The agreement has a flat amount per half-day: dagdelen instead of, or besides, hours.
            self.fields["hours"].required = False
            self.fields["hours"].help_text = _("Bijvoorbeeld 2,5. Leeg laten als u alleen dagdelen schrijft.")
            self.fields["half_days"] = DutchDecimalField(
                label=_("Aantal dagdelen"),
                required=False,
                decimal_places=1,
                min_value=Decimal("0.5"),
                max_value=Decimal(2),
                help_text=_("Een dagdeel is een ochtend, middag of avond. Hiervoor is een vast bedrag afgesproken."),
                error_messages={
                    "min_value": _("Vul minstens een half dagdeel in."),
                    "max_value": _("Hoogstens 2 dagdelen per dag."),
                },
            )

    def clean(self):
        data = super().clean()
        if "half_days" in self.fields and not data.get("hours") and not data.get("half_days") and not self.errors:
            self.add_error("hours", _("Vul het aantal uren of het aantal dagdelen in."))
        return data


class HoursCorrectionForm(forms.Form):
    date = _date(_("Datum"))
    hours = DutchDecimalField(
        label=_("Juiste aantal uren"),
        min_value=Decimal(0),
        max_value=Decimal(24),
        help_text=_("Vul 0 in als deze uren helemaal niet gelden."),
        error_messages={"required": _("Vul het aantal uren in.")},
    )
    description = _hours_description()
    reason = _correction_reason()


class ReceiptField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", _("Een foto (jpg of png) of een pdf, maximaal 10 MB. Wij bewaren het veilig."))
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        super().__init__(*args, **kwargs)
        self.error_messages["required"] = _("Voeg een bonnetje toe: een foto (jpg of png) of een pdf.")

    def validate(self, value):
        super().validate(value)
        if value:
            validate_receipt(value)


class ExpenseForm(forms.Form):
    date = _date(_("Datum van de kosten"))
    amount = DutchDecimalField(
        label=_("Bedrag in euro"),
        min_value=Decimal("0.01"),
        max_value=Decimal(100000),
        error_messages={"required": _("Vul het bedrag in."), "min_value": _("Vul een bedrag in dat groter is dan 0.")},
    )
    description = forms.CharField(
        label=_("Waarvoor?"),
        max_length=300,
        help_text=_("Bijvoorbeeld: trein Utrecht – Den Haag en terug."),
        error_messages={"required": _("Schrijf op waarvoor u dit betaalde.")},
    )
    receipt = ReceiptField(label=_("Bonnetje"))


class ExpenseCorrectionForm(forms.Form):
    date = _date(_("Datum van de kosten"))
    amount = DutchDecimalField(
        label=_("Juiste bedrag in euro"),
        min_value=Decimal(0),
        max_value=Decimal(100000),
        error_messages={"required": _("Vul het bedrag in.")},
    )
    description = forms.CharField(label=_("Waarvoor?"), max_length=300)
    reason = _correction_reason()
    receipt = ReceiptField(label=_("Nieuw bonnetje (niet verplicht)"), required=False)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("Goedkeuren")), ("reject", _("Afwijzen"))])
    note = forms.CharField(label=_("Toelichting"), max_length=1000, required=False)


class RewardChoiceForm(forms.Form):
    reward_form = forms.ChoiceField(
        label=_("Hoe wilt u voor deze opdracht beloond worden?"),
        choices=RewardForm.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een vorm van vergoeding.")},
    )
    charity = forms.CharField(
        label=_("Goed doel"),
        max_length=200,
        required=False,
        help_text=_("Alleen invullen als u een gift aan een goed doel kiest."),
    )
    details = forms.CharField(
        label=_("Wat krijgt u?"),
        max_length=200,
        required=False,
        help_text=_("Alleen bij iets anders dan geld of een opleiding. Bijvoorbeeld: de cursus Eigen verhaal."),
    )

    def clean(self):
        data = super().clean()
        if data.get("reward_form") == RewardForm.DONATION and not (data.get("charity") or "").strip():
            self.add_error("charity", _("Schrijf op aan welk goed doel het geld gaat."))
        if data.get("reward_form") in pricing.NEEDS_DETAILS and not (data.get("details") or "").strip():
            self.add_error("details", _("Schrijf op wat u krijgt, bijvoorbeeld de naam van de cursus."))
        return data


class PayoutApproveForm(forms.Form):
    acknowledged = forms.BooleanField(
        label=_("Ik heb de waarschuwing besproken met de ervaringsdeskundige."), required=False
    )


class CapRowForm(forms.ModelForm):
    hourly_21_plus = DutchDecimalField(label=_("Per uur, 21 jaar en ouder"), required=False, min_value=Decimal(0))
    hourly_under_21 = DutchDecimalField(label=_("Per uur, jonger dan 21"), required=False, min_value=Decimal(0))
    monthly = DutchDecimalField(
        label=_("Per maand"), min_value=Decimal(0), error_messages={"required": _("Vul de grens per maand in.")}
    )
    yearly = DutchDecimalField(
        label=_("Per jaar"), min_value=Decimal(0), error_messages={"required": _("Vul de grens per jaar in.")}
    )

    class Meta:
        model = AllowanceCapRow
        fields = ["year", "hourly_21_plus", "hourly_under_21", "hourly_age", "monthly", "yearly", "source", "note"]
        error_messages = {
            "year": {"unique": _("Voor dit jaar is er al een rij. Pas die aan in het beheer.")},
            "source": {"required": _("Schrijf op waar de bedragen vandaan komen.")},
        }

    def clean_source(self) -> str:
        """A source people can open: one or more https addresses (never a file name)."""
        parts = self.cleaned_data["source"].split()
        if not parts or not all(part.startswith("https://") and "." in part for part in parts):
            raise forms.ValidationError(
                _(
                    "Vul het adres van een openbare pagina in, dat begint met https://, bijvoorbeeld van de Belastingdienst."
                )
            )
        return " ".join(parts)


def _month(value: str) -> dt.date | None:
    """'2026-03' (what <input type="month"> sends) as the first day of that month."""
    try:
        year, month = (int(part) for part in value.split("-")[:2])
        return dt.date(year, month, 1)
    except (TypeError, ValueError):
        return None


class MonthField(forms.CharField):
    widget = forms.TextInput(attrs={"type": "month", "placeholder": "2026-01"})
    default_error_messages = {"invalid": _("Vul een maand in zoals 2026-01 (jaar, streepje, maand).")}

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        month = _month(value.strip())
        if month is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return month

    def prepare_value(self, value):
        return value.strftime("%Y-%m") if isinstance(value, dt.date) else value


class ExternalAllowanceForm(forms.Form):
    organisation_name = forms.CharField(
        label=_("Naam van de organisatie"),
        max_length=200,
        error_messages={"required": _("Vul de naam van de organisatie in.")},
    )
    amount = DutchDecimalField(
        label=_("Bedrag per maand"),
        min_value=Decimal("0.01"),
        max_value=Decimal(100000),
        help_text=_("Alleen de vaste vergoeding. Echte kosten met bonnetjes tellen niet mee."),
        error_messages={"required": _("Vul het bedrag per maand in.")},
    )
    from_month = MonthField(label=_("Vanaf maand"), error_messages={"required": _("Vul de eerste maand in.")})
    to_month = MonthField(label=_("Tot en met maand"), required=False, help_text=_("Leeg laten als het nog doorloopt."))

    def clean(self):
        data = super().clean()
        start, end = data.get("from_month"), data.get("to_month")
        if start and end and end < start:
            self.add_error("to_month", _("De laatste maand ligt voor de eerste maand. Kies een latere laatste maand."))
        return data


def iban_is_valid(value: str) -> bool:
    return iban.is_valid(value)


_VAT_NUMBER = re.compile(r"^NL\d{9}B\d{2}$|^(?!NL)[A-Z]{2}[0-9A-Z+*]{2,12}$")


class PaymentSettingsForm(forms.ModelForm):
    zzp_vat_rate = DutchDecimalField(
        label=_("Btw-percentage voor uren van zzp'ers"), decimal_places=1, min_value=Decimal(0), max_value=Decimal(100)
    )
    coordination_share = DutchDecimalField(
        label=_("Deel voor coördinatie (procent)"),
        min_value=Decimal(0),
        max_value=Decimal(100),
        help_text=_("Welk deel van de opbrengst van opdrachten betaalt de coördinatie? 0 is: niets."),
    )

    kvk_number = forms.CharField(
        label=_("KvK-nummer van de organisatie"),
        max_length=20,
        required=False,
        help_text=_("8 cijfers. Staat op offertes en facturen."),
    )
    vat_number = forms.CharField(
        label=_("Btw-nummer van de organisatie"),
        max_length=20,
        required=False,
        help_text=_("Bijvoorbeeld NL123456789B01. Staat op offertes en facturen."),
    )
    ORGANISATION_FIELDS = ("kvk_number", "vat_number")

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisation is not None:
            for name in self.ORGANISATION_FIELDS:
                self.fields[name].initial = getattr(organisation, name)

    def clean_kvk_number(self):
        value = self.cleaned_data["kvk_number"].replace(" ", "").replace(".", "")
        if value and not re.fullmatch(r"\d{8}", value):
            raise ValidationError(_("Een KvK-nummer heeft 8 cijfers."))
        return value

    def clean_vat_number(self):
        value = self.cleaned_data["vat_number"].replace(" ", "").replace(".", "").upper()
        if value and not _VAT_NUMBER.match(value):
            raise ValidationError(
                _("Dit btw-nummer klopt niet. Een Nederlands btw-nummer ziet eruit als NL123456789B01.")
            )
        return value

    class Meta:
        model = OrganisationPaymentSettings
        fields = [
            "vat_on_zzp_hours",
            "zzp_vat_rate",
            "coordination_share",
            "account_name",
            "iban",
            "bic",
            "invoice_prefix",
            "payment_days",
            "invoice_footer",
        ]

    def clean_iban(self):
        value = iban.compact(self.cleaned_data["iban"])
        if value and not iban_is_valid(value):
            raise ValidationError(_("Dit IBAN klopt niet. Kijk het na, bijvoorbeeld NL91 ABNA 0417 1643 00."))
        return value

    def clean_bic(self):
        value = self.cleaned_data["bic"].replace(" ", "").upper()
        if value and len(value) not in (8, 11):
            raise ValidationError(_("Een BIC heeft 8 of 11 tekens, bijvoorbeeld ABNANL2A."))
        return value


class BatchForm(forms.Form):
    kind = forms.ChoiceField(choices=PayoutBatch.Kind.choices)


class ExportForm(forms.Form):
    organisation = forms.TypedChoiceField(label=_("Organisatie"), coerce=int)
    start = _date(_("Van"))
    end = _date(_("Tot en met"))

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(o.pk, o.name) for o in organisations]

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("De einddatum ligt voor de begindatum."))
        return data
