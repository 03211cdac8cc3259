from django import template
from django.contrib.admin.utils import quote
from django.urls import reverse
from wagtail.admin.ui.side_panels import StatusSidePanel

from ..translating import approval_action

register = template.Library()


@register.inclusion_tag("i18n/includes/submit_for_approval.html", takes_context=True)
def submit_for_approval(context, instance):
    """A "Submit for approval" button for translators who may not publish the page or snippet."""
    action = approval_action(context["request"].user, instance)
    return {"action": action, "csrf_token": context.get("csrf_token")}


class SnippetStatusSidePanel(StatusSidePanel):
    """The status panel with the URLs its workflow timeline links to, which Wagtail's snippet
    views give it and wagtail-localize's editor does not (a profile awaiting approval, 0125)."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        viewset = self.object.snippet_viewset
        context["revisions_compare_url_name"] = viewset.get_url_name("revisions_compare")
        context["workflow_history_url"] = reverse(
            viewset.get_url_name("workflow_history"), args=[quote(self.object.pk)]
        )
        return context


@register.simple_tag
def with_workflow_urls(side_panels):
    """wagtail-localize's side panels, the snippet status panel given its workflow URLs."""
    for panel in side_panels:
        if type(panel) is StatusSidePanel and hasattr(panel.object, "snippet_viewset"):
            panel.__class__ = SnippetStatusSidePanel
    return side_panels
