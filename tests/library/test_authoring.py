from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from samskapa.accounts.enums import StaffRole
from samskapa.library import services
from samskapa.library.enums import Status
from samskapa.library.models import Material
from samskapa.library.personal_data import erase_authorship, export_authorship
from samskapa.library.starter import load_starter_content, starter_folders
from tests.factories.accounts import staff
from tests.factories.library import DraftFactory, MaterialFactory
from tests.factories.projects import lead_of

pytestmark = pytest.mark.django_db

VALID = {
    "title": "Så planerar ni en workshop",
    "slug": "",
    "summary": "Ett stöd för att planera en workshop med målgruppen.",
    "body": "## Förberedelser\n\nBjud in i god tid.",
    "material_type": "guide",
    "language": "sv",
    "topics": ["participation"],
    "focus_areas": ["participation"],
    "tools": ["participation"],
}


def test_create_saves_a_draft_with_the_author(client_for: Any) -> None:
    coach = staff(StaffRole.COACH)
    client = client_for(coach)
    response = client.post(reverse("library:material-create"), VALID)
    material = Material.objects.get(title=VALID["title"])
    assert response.status_code == 302
    assert material.status == Status.DRAFT
    assert material.slug == "sa-planerar-ni-en-workshop"
    assert list(material.authors.all()) == [coach]
    assert material.history.count() == 1
    assert material.history.first().history_user == coach


def test_create_with_bad_input_shows_errors_and_keeps_the_text(client_for: Any) -> None:
    data = {**VALID, "title": "", "topics": [], "material_type": "poem",
            "body": "## Min text\n\nSom jag skrev <b>själv</b>."}  # fmt: skip
    response = client_for(staff(StaffRole.COACH)).post(reverse("library:material-create"), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "error-summary" in body
    assert 'aria-invalid="true"' in body
    assert "Som jag skrev &lt;b&gt;själv&lt;/b&gt;." in body
    assert "Ett stöd för att planera en workshop med målgruppen." in body
    assert not Material.objects.filter(summary=VALID["summary"]).exists()


def test_create_rejects_a_slug_in_use_and_a_video_without_link(client_for: Any) -> None:
    MaterialFactory(slug="ett-upptaget-namn")
    data = {**VALID, "slug": "ett-upptaget-namn", "material_type": "video"}
    response = client_for(staff(StaffRole.COACH)).post(reverse("library:material-create"), data)
    form = response.context["form"]
    assert set(form.errors) == {"slug", "video_url"}


def test_preview_renders_without_saving(client_for: Any) -> None:
    data = {**VALID, "body": "## Rubrik\n\n[klicka här](https://example.org)", "preview": "1"}
    response = client_for(staff(StaffRole.COACH)).post(reverse("library:material-create"), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "preview-heading" in body
    assert '<h2 id="h-rubrik">Rubrik</h2>' in body
    assert "does not say where the link leads" in body or "säger inte vart länken leder" in body
    assert not Material.objects.filter(title=VALID["title"]).exists()


def test_edit_page_shows_the_authoring_check(client_for: Any) -> None:
    draft = DraftFactory(body="#### Djupt\n\n![](https://example.org/a.png)\n\n[här](https://x.se)")
    response = client_for(staff(StaffRole.EVALUATOR)).get(
        reverse("library:material-edit", kwargs={"pk": draft.pk})
    )
    assert len(response.context["findings"]) == 3


def test_workflow_draft_review_publish(client_for: Any) -> None:
    draft = DraftFactory()
    process_leader, admin_user = staff(StaffRole.PROCESS_LEADER), staff(StaffRole.ADMIN)
    client = client_for(process_leader)
    client.post(reverse("library:material-submit", kwargs={"pk": draft.pk}))
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW
    publish = reverse("library:material-publish", kwargs={"pk": draft.pk})
    assert client.post(publish).status_code == 403  # only the admin publishes
    admin = client_for(admin_user)
    page = admin.get(publish)
    assert "findings" in page.content.decode()
    assert admin.post(publish).status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    assert draft.published_at is not None
    assert [h.status for h in draft.history.order_by("history_date")] == [
        "draft",
        "review",
        "published",
    ]
    assert client_for(None).get(draft.get_absolute_url()).status_code == 200


def test_admin_returns_a_material_to_draft_and_withdraws_published(client_for: Any) -> None:
    draft = DraftFactory(status=Status.REVIEW)
    admin = client_for(staff(StaffRole.ADMIN))
    admin.post(reverse("library:material-return", kwargs={"pk": draft.pk}))
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    published = MaterialFactory()
    admin.post(reverse("library:material-withdraw", kwargs={"pk": published.pk}))
    published.refresh_from_db()
    assert published.status == Status.DRAFT
    assert client_for(None).get(published.get_absolute_url()).status_code == 404


def test_only_the_admin_edits_published_material(client_for: Any) -> None:
    published = MaterialFactory()
    url = reverse("library:material-edit", kwargs={"pk": published.pk})
    assert client_for(staff(StaffRole.COACH)).get(url).status_code == 404
    assert client_for(staff(StaffRole.ADMIN)).get(url).status_code == 200


def test_translation_of_links_the_two_versions(client_for: Any) -> None:
    swedish = DraftFactory(title="Svensk version", slug="svensk-version")
    data = {**VALID, "title": "English version", "language": "en",
            "translation_of": str(swedish.pk)}  # fmt: skip
    client_for(staff(StaffRole.COACH)).post(reverse("library:material-create"), data)
    english = Material.objects.get(title="English version")
    assert english.group == swedish.group


def test_translation_of_must_be_in_the_other_language(client_for: Any) -> None:
    swedish = DraftFactory()
    data = {**VALID, "translation_of": str(swedish.pk)}
    response = client_for(staff(StaffRole.COACH)).post(reverse("library:material-create"), data)
    assert "translation_of" in response.context["form"].errors


def test_history_page_lists_changed_fields(client_for: Any) -> None:
    client = client_for(staff(StaffRole.COACH))
    client.post(reverse("library:material-create"), VALID)
    material = Material.objects.get(title=VALID["title"])
    edit = reverse("library:material-edit", kwargs={"pk": material.pk})
    client.post(edit, {**VALID, "slug": material.slug, "summary": "Ny sammanfattning."})
    response = client.get(reverse("library:material-history", kwargs={"pk": material.pk}))
    versions = response.context["versions"]
    assert len(versions) == 2
    assert versions[0]["changed"] == ["summary"]


def test_dashboard_panel_for_the_admin_counts_materials_in_review(client_for: Any) -> None:
    DraftFactory(status=Status.REVIEW)
    body = client_for(staff(StaffRole.ADMIN)).get(reverse("core:dashboard")).content.decode()
    assert "panel-library" in body
    member = client_for(lead_of()).get(reverse("core:dashboard")).content.decode()
    assert "panel-library" not in member


def test_load_starter_content_command_is_idempotent() -> None:
    author = staff(StaffRole.ADMIN)
    call_command("load_starter_content", "--author", author.email)
    loaded = list(Material.objects.order_by("pk").values_list("pk", "title", "group"))
    assert len(loaded) == 2 * len(starter_folders())
    call_command("load_starter_content", "--author", author.email)
    assert list(Material.objects.order_by("pk").values_list("pk", "title", "group")) == loaded


def test_starter_content_is_complete_pairs_of_substantial_material() -> None:
    author = staff(StaffRole.ADMIN)
    load_starter_content(author=author)
    starter = Material.objects.filter(authors=author).distinct()
    assert starter.filter(language="sv").count() == 14
    assert starter.filter(language="en").count() == 14
    for material in starter.filter(language="sv"):
        assert material.word_count >= 300, material.title
        partner = Material.objects.get(group=material.group, language="en")
        assert partner.topics == material.topics
        assert partner.status == Status.PUBLISHED


def test_personal_data_export_and_erasure_cover_authorship() -> None:
    author, co_author = staff(StaffRole.COACH), staff(StaffRole.EVALUATOR)
    MaterialFactory(title="Gemensam", authors=[author, co_author])
    DraftFactory(title="Eget utkast", authors=[author])
    MaterialFactory(title="Någon annans", authors=[co_author])
    exported = export_authorship(author)["authored_materials"]
    assert sorted(m["title"] for m in exported) == ["Eget utkast", "Gemensam"]
    assert set(exported[0]) == {"title", "language", "status"}
    erase_authorship(author)
    assert not Material.objects.filter(authors=author).exists()
    assert Material.objects.filter(authors=co_author).count() == 2  # the materials stay


def test_workflow_steps_only_start_from_their_status() -> None:
    admin = staff(StaffRole.ADMIN)
    published = MaterialFactory()
    services.submit_for_review(material=published, by=admin)
    services.return_to_draft(material=published, by=admin)
    published.refresh_from_db()
    assert published.status == Status.PUBLISHED
    draft = DraftFactory()
    services.withdraw_material(material=draft, by=admin)
    services.submit_for_review(material=draft, by=admin)
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW


def test_preview_over_htmx_returns_the_page_for_hx_select(client_for: Any) -> None:
    data = {**VALID, "body": "## Rubrik\n\nText.", "preview": "1"}
    response = client_for(staff(StaffRole.COACH)).post(
        reverse("library:material-create"), data, headers={"HX-Request": "true"}
    )
    body = response.content.decode()
    assert 'id="editor-feedback"' in body
    assert '<h2 id="h-rubrik">Rubrik</h2>' in body
