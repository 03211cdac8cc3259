"""
A submission for approval sends each reviewer one email (issue 26, decision 0294): a superuser
got two, Wagtail's workflow-level "submitted to workflow" and the stage's "submitted for
approval". The emails go through a real SMTP server.
"""

import email
from email import policy

import pytest

from tests.comments.test_outages import smtp_server  # noqa: F401 (a fixture)
from tests.editorial.test_workflow import submit


def inboxes(server):
    """{recipient: [subject, ...]} of what the SMTP `server` received."""
    found = {}
    for envelope in server.messages:
        message = email.message_from_bytes(envelope.original_content, policy=policy.default)
        for recipient in envelope.rcpt_tos:
            found.setdefault(recipient, []).append(str(message["subject"]).strip())
    return found


@pytest.mark.django_db
def test_each_reviewer_gets_one_email_per_submission(
    client,
    secondee,
    comms,
    admin_user,
    draft_article,
    smtp_server,  # noqa: F811
):
    smtp_server.start()
    client.force_login(secondee)
    submit(client, draft_article)

    inbox = inboxes(smtp_server)
    assert len(inbox[admin_user.email]) == 1
    assert len(inbox[comms.email]) == 1
    assert "approval" in inbox[admin_user.email][0]
    assert secondee.email not in inbox
