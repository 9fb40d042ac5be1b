from django import template

register = template.Library()


@register.filter
def get_rule(rules: dict, code: str):
    return rules.get(code) if code else None
