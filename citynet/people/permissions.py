"""
Who may edit a person: the communications team, any person; a staff member, their own profile
and its translations (decision 0124). Registered as Person's permission policy in
wagtail_hooks.py, so the snippet views, wagtail-localize and `citynet.i18n.permissions` agree.
Publishing, locking and unlocking stay model permissions: the Communications team's only, so a
staff member's changes to their profile are drafts that go through approval (decision 0125).
"""

from wagtail.permission_policies import ModelPermissionPolicy


class PersonPermissionPolicy(ModelPermissionPolicy):
    def own_profiles(self, user):
        return self.model._default_manager.filter(user=user, user__is_active=True)

    def user_has_permission(self, user, action):
        if super().user_has_permission(user, action):
            return True
        # Someone with a profile may edit: which one is decided per instance below.
        return action == "change" and user.is_authenticated and self.own_profiles(user).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        if super().user_has_permission(user, action):
            return True
        return action == "change" and user.is_active and instance.user_id == user.pk

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if super().user_has_any_permission(user, actions):
            return self.model._default_manager.all()
        if "change" in actions and user.is_authenticated:
            return self.own_profiles(user)
        return self.model._default_manager.none()
