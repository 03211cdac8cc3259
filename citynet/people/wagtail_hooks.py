from django.core.exceptions import PermissionDenied
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from .models import Person
from .permissions import PersonPermissionPolicy

register_permission_policy(Person, PersonPermissionPolicy(Person))


class PersonEditView(EditView):
    def get_object(self, queryset=None):
        # Wagtail checks "change" on the model only; a staff member may change their own.
        person = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", person
        ):
            raise PermissionDenied
        return person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "role", "organisation"]
    search_fields = ["name", "organisation"]
    edit_view_class = PersonEditView

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_any_permission_for(
            request.user, ["change", "view"]
        )


register_snippet(PersonViewSet)
