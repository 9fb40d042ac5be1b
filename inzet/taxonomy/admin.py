from django.contrib import admin

from inzet.taxonomy.models import PostcodeArea, Term


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["label_nl", "label_en", "vocabulary", "code", "sort_order", "is_active"]
    list_filter = ["vocabulary", "is_active"]
    list_editable = ["sort_order", "is_active"]
    search_fields = ["label_nl", "label_en", "code"]


@admin.register(PostcodeArea)
class PostcodeAreaAdmin(admin.ModelAdmin):
    list_display = ["pc4", "municipality", "region"]
    search_fields = ["pc4", "municipality", "region"]
