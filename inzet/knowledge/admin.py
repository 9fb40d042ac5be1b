from django.contrib import admin

from inzet.knowledge.models import Category


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    """The operator keeps the toolkit's subjects; pages are edited on the site (with revisions)."""

    list_display = ["name", "name_en", "slug", "position"]
    prepopulated_fields = {"slug": ["name"]}
