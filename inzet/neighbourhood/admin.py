from django.contrib import admin

from inzet.neighbourhood.models import DropInHour, Partner, Team, TeamMember


class TeamMemberInline(admin.TabularInline):
    model = TeamMember
    extra = 1
    raw_id_fields = ["user"]


class DropInHourInline(admin.TabularInline):
    # Public information about the team; editing and deactivating happen here for now.
    model = DropInHour
    extra = 0


class PartnerInline(admin.TabularInline):
    model = Partner
    extra = 0


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "area", "form"]
    inlines = [TeamMemberInline, DropInHourInline, PartnerInline]
