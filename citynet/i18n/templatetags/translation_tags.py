from django import template

from ..translating import approval_action

register = template.Library()


@register.inclusion_tag("i18n/includes/submit_for_approval.html", takes_context=True)
def submit_for_approval(context, instance):
    """A "Submit for approval" button for translators who may not publish the page or snippet."""
    action = approval_action(context["request"].user, instance)
    return {"action": action, "csrf_token": context.get("csrf_token")}
