import secrets

from samskapa.accounts.models import User
from samskapa.projects.models import Call, Invitation, Project, ProjectOrganisation
from tests.access.matrix import EVERYONE, STAFF, Page

ADMIN = frozenset({"admin"})
MEMBER_OR_STAFF = STAFF | {"member"}


def _call() -> dict[str, int]:
    return {"pk": Call.objects.get(reference="2023/00187").pk}


def _project() -> dict[str, int]:
    # The member's own project (projekt@ leads 23-012-S01); other_member must get 404.
    return {"pk": Project.objects.get(number="23-012-S01").pk}


def _partner() -> dict[str, int]:
    project = Project.objects.get(number="23-012-S01")
    link = ProjectOrganisation.objects.filter(project=project).exclude(role="owner").first()
    assert link is not None
    return {"pk": project.pk, "link_pk": link.pk}


def _open_invitation() -> dict[str, str]:
    invitation, _created = Invitation.objects.get_or_create(
        token="access-matrix-open-invitation-token-0123456789",
        defaults={
            "project": Project.objects.get(number="23-012-S01"),
            "email": "ny.kollega@example.se",
            "invited_by": User.objects.get(email="projekt@samskapa.test"),
        },
    )
    return {"token": invitation.token}


def _only_lead() -> dict[str, int]:
    # Removing the only lead is refused (302 with a message), so the matrix changes nothing.
    project = Project.objects.get(number="23-012-S01")
    lead = project.members.get(user__email="projekt@samskapa.test")
    return {"pk": project.pk, "member_pk": lead.pk}


def _fresh_invitation() -> dict[str, int]:
    invitation = Invitation.objects.create(
        project=Project.objects.get(number="23-012-S01"),
        email="dras.tillbaka@example.se",
        token=secrets.token_urlsafe(32),
        invited_by=User.objects.get(email="projekt@samskapa.test"),
    )
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
        kwargs=lambda: {"token": "x" * 43},
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
        "projects:invitation-revoke",
        frozenset({"admin", "member"}),
        kwargs=_fresh_invitation,
        method="POST",
        ok=frozenset({302}),
        denied=404,
        scan=False,
    ),
]
