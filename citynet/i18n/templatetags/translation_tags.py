import json

from django import template
from django.contrib.admin.utils import quote
from django.urls import reverse

from citynet.wagtail_internals import status_panels_given

from ..editor_words import in_editors_language, segments_heading
from ..translating import awaiting_approval, editor_action, locked_for

register = template.Library()


@register.inclusion_tag("i18n/includes/translation_editor_action.html", takes_context=True)
def translation_editor_action(context, instance):
    """The editor's main action for this user, in place of wagtail-localize's footer."""
    action = editor_action(context["request"].user, instance)
    return {"action": action, "csrf_token": context.get("csrf_token")}


@register.simple_tag(takes_context=True)
def with_review_rules(context, props, instance):
    """
    wagtail-localize's editor props, its segments read-only while `instance` is locked for the
    user, as while it awaits approval, and without its Publish button while it awaits approval:
    the reviewer approves instead (the server refuses both too: translating.py). Its dates are in
    the editor's language (editor_words.py).
    """
    props = json.loads(props)
    props["object"]["isLocked"] |= bool(locked_for(context["request"].user, instance))
    if awaiting_approval(instance):
        props["perms"]["canPublish"] = False
    return json.dumps(in_editors_language(props))


@register.simple_tag
def translation_editor_words(props):
    """What static/i18n/translation_editor_words.js needs: the editor's heading, both ways."""
    return segments_heading(json.loads(props))


def workflow_urls(instance):
    """The URLs a snippet's workflow timeline links to, which Wagtail's snippet views give its
    status panel and wagtail-localize's editor does not (a profile awaiting approval, 0125)."""
    if not hasattr(instance, "snippet_viewset"):
        return {}
    viewset = instance.snippet_viewset
    return {
        "revisions_compare_url_name": viewset.get_url_name("revisions_compare"),
        "workflow_history_url": reverse(
            viewset.get_url_name("workflow_history"), args=[quote(instance.pk)]
        ),
    }


@register.simple_tag
def with_workflow_urls(side_panels):
    """wagtail-localize's side panels, the snippet status panel given its workflow URLs."""
    return status_panels_given(side_panels, workflow_urls)
