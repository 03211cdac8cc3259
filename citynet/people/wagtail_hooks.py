from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets

from .models import Person
from .permissions import PersonPermissionPolicy

register_permission_policy(Person, PersonPermissionPolicy(Person))


class OwnProfileMixin:
    """Wagtail checks "change" on the model only; a staff member may see and change their own
    profile, its drafts and its history, not anyone else's."""

    def get_object(self, *args, **kwargs):
        person = super().get_object(*args, **kwargs)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", person
        ):
            raise PermissionDenied
        return person


class PersonEditView(OwnProfileMixin, snippets.EditView):
    pass


class PersonHistoryView(OwnProfileMixin, snippets.HistoryView):
    pass


class PersonRevisionsCompareView(OwnProfileMixin, snippets.RevisionsCompareView):
    pass


class PersonWorkflowHistoryView(OwnProfileMixin, snippets.WorkflowHistoryView):
    pass


class PersonWorkflowHistoryDetailView(OwnProfileMixin, snippets.WorkflowHistoryDetailView):
    pass


class PersonViewSet(snippets.SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "role", "organisation"]
    search_fields = ["name", "organisation"]
    edit_view_class = PersonEditView  # also the base of the revert view
    history_view_class = PersonHistoryView
    revisions_compare_view_class = PersonRevisionsCompareView
    workflow_history_view_class = PersonWorkflowHistoryView
    workflow_history_detail_view_class = PersonWorkflowHistoryDetailView

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_any_permission_for(
            request.user, ["change", "view"]
        )


register_snippet(PersonViewSet)
