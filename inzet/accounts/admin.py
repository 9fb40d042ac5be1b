from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from inzet.accounts.models import ApiToken, User
from inzet.accounts.permissions import get_roles


def _operator_only(request) -> bool:
    # The admin is the operator's tool: a staff flag alone does not open it.
    user = request.user
    return user.is_active and user.is_authenticated and (user.is_superuser or get_roles(user).is_operator)


admin.site.has_permission = _operator_only


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["full_name"]
    list_display = ["full_name", "email", "is_active", "date_joined"]
    search_fields = ["full_name", "email"]
    list_filter = ["is_active", "is_staff"]
    fieldsets = [
        (None, {"fields": ["email", "full_name", "preferred_language", "password"]}),
        ("Status", {"fields": ["is_active", "is_staff", "is_superuser", "created_on_behalf_by"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]})]
    raw_id_fields = ["created_on_behalf_by"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "expires_at"]
    readonly_fields = ["prefix", "created_at", "last_used_at"]
    raw_id_fields = ["user"]
