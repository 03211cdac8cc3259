"""
The moderation queue in the Wagtail admin: a snippet viewset (so that Wagtail's bulk actions
apply) for the Communications team, who may change every comment, and for Secondment staff,
who see the comments on pages they own and reply to them.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet

from .models import MAX_LENGTH, ReaderComment


class ReaderCommentPermissionPolicy(ModelPermissionPolicy):
    """Moderators (with the change permission) act on every comment; others on their pages'."""

    def sees_all(self, user):
        return user.is_superuser or self.user_has_permission(user, "change")

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return self.sees_all(user) or instance.page.owner_id == user.pk

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return self.model.objects.none()
        if self.sees_all(user):
            return self.model.objects.all()
        return self.model.objects.filter(page__owner=user)


class ReaderCommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=ReaderComment.Status.choices)
    page = django_filters.NumberFilter(field_name="page_id", label=_("Page id"))
    created_at = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = ReaderComment
        fields = ["status", "page", "created_at"]


class ReaderCommentInspectView(InspectView):
    """One comment in its context: the page, the comments it replies to, and its replies."""

    template_name = "comments/admin/inspect.html"

    def get_object(self, queryset=None):
        comment = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "view", comment
        ):
            raise PermissionDenied
        return comment

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ancestors, parent = [], self.object.parent
        while parent is not None:
            ancestors.insert(0, parent)
            parent = parent.parent
        context["ancestors"] = ancestors
        context["replies"] = list(self.object.replies.all())
        context["page_url"] = self.object.page.full_url
        context["can_reply"] = self.object.can_have_replies
        return context

    @property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.object.can_have_replies:
            url = reverse("wagtailsnippets_comments_readercomment:reply", args=[self.object.pk])
            buttons.append(Button(_("Reply"), url=url, icon_name="comment", priority=5))
        return buttons


class ReplyForm(forms.Form):
    text = forms.CharField(label=_("Your reply"), widget=forms.Textarea, max_length=MAX_LENGTH)


class ReaderCommentViewSet(SnippetViewSet):
    model = ReaderComment
    icon = "comment"
    menu_label = _("Reader comments")
    add_to_admin_menu = True
    menu_order = 250
    inspect_view_enabled = True
    inspect_view_class = ReaderCommentInspectView
    inspect_view_fields = [
        "author_name",
        "author_email",
        "author_url",
        "is_staff_reply",
        "status",
        "held_because",
        "email_confirmed",
        "ip_address",
        "created_at",
    ]
    filterset_class = ReaderCommentFilterSet
    search_fields = ["text", "author_name", "author_email"]
    search_backend_name = None  # plain database lookups: comments are not in the search index
    list_display = [
        # Opens the comment in context, where moderators edit and everyone may reply.
        TitleColumn(
            "__str__",
            label=_("Comment"),
            accessor="__str__",
            url_name="wagtailsnippets_comments_readercomment:inspect",
        ),
        Column("page", label=_("Page")),
        StatusTagColumn("status", label=_("Status"), accessor="get_status_display", primary=False),
        DateColumn("created_at", label=_("Date")),
    ]
    list_per_page = 50
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_permission_for(
            request.user, "view"
        ).select_related("page")

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("reply/<int:pk>/", self.reply_view, name="reply"),
        ]

    def reply_view(self, request, pk):
        """Staff reply: published at once and marked as the site's."""
        parent = get_object_or_404(ReaderComment.objects.select_related("page"), pk=pk)
        if not (
            self.permission_policy.user_has_permission_for_instance(request.user, "view", parent)
            and parent.can_have_replies
        ):
            raise PermissionDenied
        form = ReplyForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            reply = ReaderComment.objects.create(
                page=parent.page,
                parent=parent,
                author_name=request.user.get_full_name() or request.user.get_username(),
                author_email=request.user.email,
                user=request.user,
                is_staff_reply=True,
                text=form.cleaned_data["text"],
                status=ReaderComment.Status.APPROVED,
                email_confirmed=True,
            )
            messages.success(request, _("Your reply is published."))
            return redirect(self.get_url_name("inspect"), reply.pk)
        context = {"form": form, "parent": parent, "header_icon": self.icon}
        return TemplateResponse(request, "comments/admin/reply.html", context)
