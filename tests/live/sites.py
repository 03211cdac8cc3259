"""The browser tests' site: runserver and a task worker, with editors and a blog to work in."""

from citynet.demo.live import LocalSite

PASSWORD = "correct horse battery staple"  # the one UserFactory sets
# The editors and what they work with; the last line printed is the blog's id.
SETUP = """
from django.contrib.auth.models import Group
from citynet.editorial.roles import COMMUNICATIONS, SECONDEES
from home.models import HomePage
from tests import factories
from wagtail.models import Collection

home = HomePage.objects.get(depth=2)
blog = factories.BlogIndexPageFactory(parent=home)
for name, group in [("secondee", SECONDEES), ("comms", COMMUNICATIONS)]:
    user = factories.UserFactory(username=name)
    user.groups.add(Group.objects.get(name=group))
factories.PersonFactory(name="Kim Min-jun")
factories.ImageFactory(title="Seoul skyline", collection=Collection.get_first_root_node())
print(blog.pk)
"""


class LiveSite(LocalSite):
    def start(self, setup=SETUP):
        """Run `setup` (a shell script whose last line printed is a page id), then serve."""
        self.blog_index_id = int(self.shell(setup))
        self.serve()
        # Links in emails, which have no request to take the address from.
        self.env["WAGTAILADMIN_BASE_URL"] = self.url
        self.start_worker("--interval", "1")
