import io

import pytest
from django.core.management import call_command

from tests import factories


@pytest.fixture
def editor_token(db):
    """A bearer token for a superuser: it sees drafts, so its responses are private."""
    user = factories.UserFactory(username="token-owner", is_superuser=True)
    output = io.StringIO()
    call_command("api_tokens", "create", "--user", user.username, "--name", "tool", stdout=output)
    return output.getvalue().strip().splitlines()[-1]
