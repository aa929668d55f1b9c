from typing import Any

from tests.access.matrix import EVERYONE, STAFF, Page
from tests.factories.projects import InvitationFactory, PartnerFactory

ADMIN = frozenset({"admin"})
MEMBER_OR_STAFF = STAFF | {"member"}


def _call(world: Any) -> dict[str, int]:
    return {"pk": world.call.pk}


def _project(world: Any) -> dict[str, int]:
    # The member's own project; other_member must get 404.
    return {"pk": world.project.pk}


def _partner(world: Any) -> dict[str, int]:
    # A new partner for each request: removing it is what the page does.
    link = PartnerFactory(project=world.project)
    return {"pk": world.project.pk, "link_pk": link.pk}


def _open_invitation(world: Any) -> dict[str, str]:
    invitation = world.get(
        "open_invitation",
        lambda: InvitationFactory(project=world.project, invited_by=world.user("member")),
    )
    return {"token": invitation.token}


def _only_lead(world: Any) -> dict[str, int]:
    # Removing the only lead is refused (302 with a message), so the matrix changes nothing.
    lead = world.project.members.get(user=world.user("member"))
    return {"pk": world.project.pk, "member_pk": lead.pk}


def _fresh_invitation(world: Any) -> dict[str, int]:
    invitation = InvitationFactory(project=world.project, invited_by=world.user("member"))
    return {"pk": invitation.project_id, "invitation_pk": invitation.pk}


PAGES = [
    Page("projects:call-list", STAFF),
    Page("projects:call-create", ADMIN),
    Page("projects:call-detail", STAFF, kwargs=_call, denied=404),
    Page("projects:call-edit", ADMIN, kwargs=_call, denied=404),
    Page("projects:project-list", STAFF | {"member", "other_member"}),
    Page(
        "projects:project-list",
        STAFF | {"member", "other_member"},
        query="?q=arbete&sort=name",
        variant="search",
    ),
    Page("projects:project-export-xlsx", STAFF, scan=False),
    Page("projects:project-export-csv", STAFF, scan=False),
    # Without an uploaded file the preview sends the person back to the upload form.
    Page("projects:import-upload", ADMIN),
    Page("projects:import-preview", ADMIN, ok=frozenset({302}), scan=False),
    Page("projects:import-confirm", ADMIN, method="POST", ok=frozenset({302}), scan=False),
    # An unknown token: a clear page with 404 for everyone, never a crash.
    Page(
        "projects:invitation-accept",
        EVERYONE,
        kwargs=lambda world: {"token": "x" * 43},
        ok=frozenset({404}),
        scan=False,
        variant="unknown",
    ),
    # An open invitation: the public form to create an account (anonymous); anyone logged in
    # with another address is told that the invitation is not theirs (403).
    Page(
        "projects:invitation-accept",
        EVERYONE,
        kwargs=_open_invitation,
        ok=frozenset({200, 403}),
        variant="open",
    ),
    Page("projects:project-detail", MEMBER_OR_STAFF, kwargs=_project, denied=404),
    Page("projects:project-edit", frozenset({"admin", "member"}), kwargs=_project, denied=404),
    Page("projects:project-partners", frozenset({"admin", "member"}), kwargs=_project, denied=404),
    Page(
        "projects:partner-remove",
        frozenset({"admin", "member"}),
        kwargs=_partner,
        method="POST",
        ok=frozenset({302}),
        denied=404,
        scan=False,
    ),
    Page("projects:project-members", MEMBER_OR_STAFF, kwargs=_project, denied=404),
    Page(
        "projects:member-remove",
        frozenset({"admin", "member"}),
        kwargs=_only_lead,
        method="POST",
        ok=frozenset({302}),
        denied=404,
        scan=False,
    ),
    Page(
        "projects:member-make-lead",
        frozenset({"admin", "member"}),
        kwargs=_only_lead,  # already the lead: nothing changes
        method="POST",
        ok=frozenset({302}),
        denied=404,
        scan=False,
    ),
    Page(
        "projects:invitation-revoke",
        frozenset({"admin", "member"}),
        kwargs=_fresh_invitation,
        method="POST",
        ok=frozenset({302}),
        denied=404,
        scan=False,
    ),
]
