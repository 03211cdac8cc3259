"""A real site for the browser test: its own SQLite file, runserver and the task worker."""

from citynet.demo.live import LocalSite, free_port

PORTS = range(8401, 8410)
PASSWORD = "correct horse battery staple"  # the one UserFactory sets
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
    def __init__(self, directory, setup=SETUP):
        super().__init__(directory)
        self.setup = setup  # a shell script whose last line printed is a page id

    def start(self):
        self.manage("migrate", "--no-input", "-v0")
        self.blog_index_id = int(
            self.manage("shell", "-v0", "-c", self.setup).strip().splitlines()[-1]
        )
        self.port = free_port(PORTS)
        # Links in emails, which have no request to take the address from.
        self.env["WAGTAILADMIN_BASE_URL"] = f"http://127.0.0.1:{self.port}"
        self.serve(self.port, ["db_worker", "--no-reload", "--interval", "1"])
