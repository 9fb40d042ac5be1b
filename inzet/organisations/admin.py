from django.contrib import admin

from inzet.organisations.models import Membership, Organisation, PolicySettings


class MembershipInline(admin.TabularInline):
    model = Membership
    raw_id_fields = ["user"]
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "city"]
    list_filter = ["kind"]
    search_fields = ["name", "city"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "is_active"]
    list_filter = ["role", "is_active", "organisation"]
    raw_id_fields = ["user"]
    search_fields = ["user__full_name", "user__email"]


@admin.register(PolicySettings)
class PolicySettingsAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return not PolicySettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
