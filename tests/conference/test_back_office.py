"""The conference back office: edition settings, rooms, tracks and review criteria, the
programme grid with its clash checks, and session documents, in Samskapa's own pages."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samskapa.accounts.enums import StaffRole
from samskapa.conference import selectors
from samskapa.conference.enums import SubmissionStatus
from samskapa.conference.models import Edition, ReviewCriterion, Room, Session
from samskapa.core.models import AuditEvent
from tests.factories.accounts import staff
from tests.factories.conference import (
    EditionFactory,
    RoomFactory,
    SessionDocumentFactory,
    SessionFactory,
    SpeakerFactory,
    SubmissionFactory,
    TrackFactory,
    at,
)
from tests.factories.library import PDF_BYTES
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_root(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def edition_data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title_sv": "Samskapa 2031",
        "title_en": "Samskapa 2031",
        "theme_sv": "",
        "theme_en": "",
        "starts_on": "2031-06-10",
        "ends_on": "2031-06-11",
        "venue": "Malmö Live",
        "languages": ["sv", "en"],
        "capacity": "250",
        "registration_opens_on": "2030-11-01",
        "registration_closes_on": "2031-06-03",
        "call_opens_on": "2030-09-01",
        "call_closes_on": "2030-10-15",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def session_data(edition: Edition, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": "Öppning",
        "description": "",
        "format": "talk",
        "language": "sv",
        "day": edition.starts_on.isoformat(),
        "starts": "09:00",
        "ends": "10:00",
        "track": "",
        "room": "",
        "seats": "",
        "documentation": "",
        "links": "",
    }
    data.update(changes)
    return data


def place_data(session: Session, **changes: Any) -> dict[str, Any]:
    values = {"day": session.edition.starts_on.isoformat(), "starts": "10:00", "ends": "11:00"}
    values.update(changes)
    return {f"s{session.pk}-{name}": value for name, value in values.items()}


# --- Edition settings -----------------------------------------------------------------------


def test_organiser_creates_an_edition_with_languages_as_checkboxes(
    client_for: Any, organiser: Any
) -> None:
    client = client_for(organiser)
    page = client.get(reverse("conference:edition-create")).content.decode()
    assert 'type="checkbox" name="languages" value="sv"' in page
    response = client.post(
        reverse("conference:edition-create"), edition_data(year="2031", languages=["en"])
    )
    edition = Edition.objects.get(year=2031)
    assert response.status_code == 302
    assert response["Location"] == reverse("conference:edition-structure", args=[2031])
    assert edition.languages == ["en"]
    assert edition.capacity == 250
    assert AuditEvent.objects.filter(action="create", object_id=str(edition.pk)).exists()


def test_a_new_edition_with_wrong_dates_keeps_what_was_typed(
    client_for: Any, organiser: Any
) -> None:
    response = client_for(organiser).post(
        reverse("conference:edition-create"),
        edition_data(year="2031", ends_on="2031-06-01", venue="Umeå Folkets hus"),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert not Edition.objects.filter(year=2031).exists()
    assert "Sista dagen kan inte vara före första dagen." in page
    assert 'value="Umeå Folkets hus"' in page


def test_organiser_sets_dates_and_capacity(client_for: Any, organiser: Any) -> None:
    edition = EditionFactory(year=2031)
    url = reverse("conference:edition-settings", args=[2031])
    response = client_for(organiser).post(
        url, edition_data(capacity="120", registration_closes_on="2031-06-09")
    )
    assert response.status_code == 302
    edition.refresh_from_db()
    assert edition.capacity == 120
    assert edition.registration_closes_on == datetime.date(2031, 6, 9)


def test_settings_refuse_a_call_without_its_closing_day(client_for: Any, organiser: Any) -> None:
    edition = EditionFactory(year=2031, capacity=80)
    response = client_for(organiser).post(
        reverse("conference:edition-settings", args=[2031]),
        edition_data(capacity="999", call_closes_on=""),
    )
    page = response.content.decode()
    assert "Ange båda datumen för inbjudan att lämna inspel, eller inget." in page
    assert 'value="999"' in page
    edition.refresh_from_db()
    assert edition.capacity == 80


@pytest.mark.parametrize("role", [StaffRole.COACH, StaffRole.PROCESS_LEADER, StaffRole.FUNDER])
def test_only_organisers_reach_the_back_office(client_for: Any, role: str) -> None:
    edition = EditionFactory(year=2031)
    session = SessionFactory(edition=edition)
    client = client_for(staff(role))
    for url in (
        reverse("conference:edition-create"),
        reverse("conference:edition-settings", args=[2031]),
        reverse("conference:edition-structure", args=[2031]),
        reverse("conference:programme-grid", args=[2031]),
        reverse("conference:session-create", args=[2031]),
        reverse("conference:session-edit", args=[2031, session.pk]),
    ):
        assert client.get(url).status_code == 403, url
    response = client.post(reverse("conference:session-place", args=[2031, session.pk]))
    assert response.status_code == 403


def test_labels_are_swedish_and_the_end_is_not_a_goal(client_for: Any, organiser: Any) -> None:
    edition = EditionFactory(year=2031)
    page = client_for(organiser).get(reverse("conference:session-create", args=[2031]))
    html = page.content.decode()
    assert '<label for="id_ends">Slutar' in html
    assert '<label for="id_starts">Börjar' in html
    assert "Mål" not in html
    settings = client_for(organiser).get(reverse("conference:edition-settings", args=[2031]))
    assert "Konferensens språk" in settings.content.decode()
    assert edition.pk


# --- Rooms, tracks and review criteria ------------------------------------------------------


def _formset(prefix: str, rows: list[dict[str, Any]], initial: int = 0) -> dict[str, Any]:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
        "section": prefix,
    }
    for index, row in enumerate(rows):
        for name, value in row.items():
            data[f"{prefix}-{index}-{name}"] = value
    return data


def test_rooms_tracks_and_criteria_are_added(client_for: Any, organiser: Any) -> None:
    edition = EditionFactory(year=2031)
    client = client_for(organiser)
    url = reverse("conference:edition-structure", args=[2031])
    rooms = [{"name": "Sal A", "seats": "200", "order": "0"}, {"name": "", "order": "0"}]
    assert client.post(url, _formset("rooms", rooms)).status_code == 302
    tracks = [{"name_sv": "Samverkan", "name_en": "Collaboration", "room": "Sal A", "order": "0"}]
    assert client.post(url, _formset("tracks", tracks)).status_code == 302
    criteria = [{"name_sv": "Relevans", "name_en": "Relevance", "order": "0"}]
    assert client.post(url, _formset("criteria", criteria)).status_code == 302
    assert list(edition.rooms.values_list("name", "seats")) == [("Sal A", 200)]
    assert list(edition.tracks.values_list("name_sv", "room")) == [("Samverkan", "Sal A")]
    assert list(edition.criteria.values_list("name_en", flat=True)) == ["Relevance"]


def test_renaming_a_room_moves_its_sessions_along(client_for: Any, organiser: Any) -> None:
    edition = EditionFactory(year=2031)
    room = RoomFactory(edition=edition, name="Sal A")
    session = SessionFactory(edition=edition, room="Sal A")
    rows = [{"id": str(room.pk), "name": "Stora salen", "seats": "", "order": "0"}]
    response = client_for(organiser).post(
        reverse("conference:edition-structure", args=[2031]), _formset("rooms", rows, initial=1)
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.room == "Stora salen"


def test_two_rooms_of_one_name_are_refused_and_kept(client_for: Any, organiser: Any) -> None:
    EditionFactory(year=2031)
    rows = [{"name": "Sal B", "order": "0"}, {"name": "sal b", "order": "1"}]
    response = client_for(organiser).post(
        reverse("conference:edition-structure", args=[2031]), _formset("rooms", rows)
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Två rum kan inte ha samma namn." in html
    assert 'value="sal b"' in html
    assert not Room.objects.exists()


def test_structure_page_refuses_other_roles(client_for: Any) -> None:
    EditionFactory(year=2031)
    response = client_for(staff(StaffRole.EVALUATOR)).post(
        reverse("conference:edition-structure", args=[2031]),
        _formset("criteria", [{"name_sv": "X", "order": "0"}]),
    )
    assert response.status_code == 403
    assert not ReviewCriterion.objects.exists()


# --- Clashes --------------------------------------------------------------------------------


@pytest.fixture
def day_edition(db: Any) -> Edition:
    return EditionFactory(year=2031)


def _clashes(edition: Edition, start: int, end: int, **kwargs: Any) -> list[tuple[str, str]]:
    kwargs.setdefault("place", "")
    kwargs.setdefault("speaker_ids", set())
    found = selectors.clashes(
        edition,
        starts_at=at(edition.starts_on, start),
        ends_at=at(edition.starts_on, end),
        **kwargs,
    )
    return [(c.session.title, c.kind) for c in found]


def test_same_room_overlapping_clashes_adjacent_does_not(day_edition: Edition) -> None:
    SessionFactory(
        edition=day_edition,
        title="Panel",
        room="Sal A",
        starts_at=at(day_edition.starts_on, 10),
        ends_at=at(day_edition.starts_on, 11),
    )
    assert _clashes(day_edition, 10, 12, place="Sal A") == [("Panel", "room")]
    assert _clashes(day_edition, 9, 11, place="Sal A") == [("Panel", "room")]
    assert _clashes(day_edition, 11, 12, place="Sal A") == []  # starts when the panel ends
    assert _clashes(day_edition, 9, 10, place="Sal A") == []  # ends when the panel starts
    assert _clashes(day_edition, 10, 11, place="Sal B") == []


def test_a_track_room_counts_as_the_session_room(day_edition: Edition) -> None:
    track = TrackFactory(edition=day_edition, room="Workshoprummet")
    SessionFactory(edition=day_edition, title="Workshop", track=track, room="")
    assert _clashes(day_edition, 10, 11, place="Workshoprummet") == [("Workshop", "room")]


def test_same_speaker_overlapping_clashes(day_edition: Edition) -> None:
    speaker = SpeakerFactory(edition=day_edition, name="Helena Sjöberg")
    other = SpeakerFactory(edition=day_edition)
    session = SessionFactory(edition=day_edition, title="Föredrag", room="Sal A")
    session.speakers.set([speaker])
    assert _clashes(day_edition, 10, 11, place="Sal B", speaker_ids={speaker.pk}) == [
        ("Föredrag", "speaker")
    ]
    assert _clashes(day_edition, 11, 12, place="Sal B", speaker_ids={speaker.pk}) == []
    assert _clashes(day_edition, 10, 11, place="Sal B", speaker_ids={other.pk}) == []


def test_moving_into_a_clash_is_refused_with_the_other_session_named(
    client_for: Any, organiser: Any, day_edition: Edition
) -> None:
    RoomFactory(edition=day_edition, name="Sal A")
    RoomFactory(edition=day_edition, name="Sal B")
    SessionFactory(
        edition=day_edition,
        title="Ekosystem som bär",
        room="Sal A",
        starts_at=at(day_edition.starts_on, 10),
        ends_at=at(day_edition.starts_on, 11),
    )
    moved = SessionFactory(
        edition=day_edition,
        title="Unga som medforskare",
        room="Sal B",
        starts_at=at(day_edition.starts_on, 13),
        ends_at=at(day_edition.starts_on, 14),
    )
    url = reverse("conference:session-place", args=[2031, moved.pk])
    response = client_for(organiser).post(
        url, place_data(moved, starts="10:30", ends="11:30", room="Sal A")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Krock: ”Ekosystem som bär”" in html
    assert 'value="10:30"' in html  # the typed time is kept
    moved.refresh_from_db()
    assert moved.room == "Sal B"
    assert timezone_hour(moved.starts_at) == 13


def timezone_hour(value: datetime.datetime) -> int:
    from django.utils import timezone

    return timezone.localtime(value).hour


def test_moving_to_a_free_room_and_time_is_saved(
    client_for: Any, organiser: Any, day_edition: Edition
) -> None:
    RoomFactory(edition=day_edition, name="Sal A")
    moved = SessionFactory(edition=day_edition, room="")
    second_day = (day_edition.starts_on + datetime.timedelta(days=1)).isoformat()
    response = client_for(organiser).post(
        reverse("conference:session-place", args=[2031, moved.pk]),
        place_data(moved, day=second_day, starts="09:15", ends="10:00", room="Sal A"),
    )
    assert response.status_code == 302
    moved.refresh_from_db()
    assert moved.room == "Sal A"
    assert moved.starts_at == at(day_edition.ends_on, 9, 15)


def test_the_grid_moves_tracks_when_the_edition_has_no_rooms(
    client_for: Any, organiser: Any, day_edition: Edition
) -> None:
    first, second = TrackFactory(edition=day_edition), TrackFactory(edition=day_edition)
    moved = SessionFactory(edition=day_edition, track=first)
    page = client_for(organiser).get(reverse("conference:programme-grid", args=[2031]))
    assert f'name="s{moved.pk}-track"' in page.content.decode()
    response = client_for(organiser).post(
        reverse("conference:session-place", args=[2031, moved.pk]),
        place_data(moved, track=str(second.pk)),
    )
    assert response.status_code == 302
    moved.refresh_from_db()
    assert moved.track == second


def test_a_session_of_another_edition_answers_404(client_for: Any, organiser: Any) -> None:
    EditionFactory(year=2031)
    foreign = SessionFactory(edition=EditionFactory(year=2032))
    client = client_for(organiser)
    assert (
        client.get(reverse("conference:session-edit", args=[2031, foreign.pk])).status_code == 404
    )
    response = client.post(
        reverse("conference:session-place", args=[2031, foreign.pk]), place_data(foreign)
    )
    assert response.status_code == 404


# --- Sessions from scratch ------------------------------------------------------------------


def test_a_session_is_created_from_scratch_with_a_new_speaker(
    client_for: Any, organiser: Any, day_edition: Edition
) -> None:
    RoomFactory(edition=day_edition, name="Sal A")
    client = client_for(organiser)
    response = client.post(
        reverse("conference:session-create", args=[2031]),
        session_data(
            day_edition,
            room="Sal A",
            new_speaker_name="Rasmus Ek",
            new_speaker_organisation="Region Västerbotten",
            new_speaker_consent="on",
        ),
    )
    assert response.status_code == 302
    grid = client.get(response["Location"]).content.decode()
    assert "Programpunkten är sparad." in grid  # not the coaching app's "Samtalet"
    session = day_edition.sessions.get()
    assert session.title == "Öppning"
    assert session.submission is None
    assert session.starts_at == at(day_edition.starts_on, 9)
    assert [s.name for s in session.speakers.all()] == ["Rasmus Ek"]


def test_a_new_session_with_a_busy_speaker_is_refused(
    client_for: Any, organiser: Any, day_edition: Edition
) -> None:
    speaker = SpeakerFactory(edition=day_edition, name="Ieva Petraitė")
    busy = SessionFactory(
        edition=day_edition,
        title="Social innovation across Europe",
        starts_at=at(day_edition.starts_on, 9, 30),
        ends_at=at(day_edition.starts_on, 10, 30),
    )
    busy.speakers.set([speaker])
    response = client_for(organiser).post(
        reverse("conference:session-create", args=[2031]),
        session_data(day_edition, title="Panel om Europa", speakers=[str(speaker.pk)]),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ieva Petraitė" in html and "Social innovation across Europe" in html
    assert 'value="Panel om Europa"' in html
    assert day_edition.sessions.count() == 1


def test_a_session_must_end_after_it_starts(
    client_for: Any, organiser: Any, day_edition: Edition
) -> None:
    response = client_for(organiser).post(
        reverse("conference:session-create", args=[2031]),
        session_data(day_edition, starts="11:00", ends="10:00"),
    )
    assert "Programpunkten måste sluta efter att den har börjat." in response.content.decode()
    assert not day_edition.sessions.exists()


def test_removing_a_session_needs_the_box_ticked(
    client_for: Any, organiser: Any, day_edition: Edition
) -> None:
    session = SessionFactory(edition=day_edition)
    url = reverse("conference:session-delete", args=[2031, session.pk])
    client = client_for(organiser)
    client.post(url)
    assert Session.objects.filter(pk=session.pk).exists()
    client.post(url, {"confirm": "1"})
    assert not Session.objects.filter(pk=session.pk).exists()


# --- Documents ------------------------------------------------------------------------------


def test_slides_are_uploaded_and_shown_on_the_programme(
    client_for: Any, organiser: Any, day_edition: Edition
) -> None:
    session = SessionFactory(edition=day_edition, title="Spridning till policy")
    upload = SimpleUploadedFile("bilder.pdf", PDF_BYTES, content_type="application/pdf")
    response = client_for(organiser).post(
        reverse("conference:document-upload", args=[2031, session.pk]),
        {"title": "Bilder från passet", "file": upload},
    )
    assert response.status_code == 302
    document = session.documents.get()
    assert document.content_type == "application/pdf"
    assert not document.file.name.endswith("bilder.pdf")  # a random stored name
    public = client_for(None).get(reverse("conference:programme", args=[2031])).content.decode()
    assert "Bilder från passet" in public
    download = client_for(None).get(document.get_absolute_url())
    assert download.status_code == 200
    assert "attachment" in download["Content-Disposition"]


def test_a_hostile_file_is_refused(client_for: Any, organiser: Any, day_edition: Edition) -> None:
    session = SessionFactory(edition=day_edition)
    upload = SimpleUploadedFile("bilder.pdf", b"<script>alert(1)</script>", "application/pdf")
    response = client_for(organiser).post(
        reverse("conference:document-upload", args=[2031, session.pk]),
        {"title": "Bilder", "file": upload},
    )
    assert response.status_code == 200
    assert 'value="Bilder"' in response.content.decode()
    assert not session.documents.exists()


def test_documents_of_an_unpublished_programme_are_for_organisers(
    client_for: Any, organiser: Any
) -> None:
    edition = EditionFactory(year=2031, programme_published=False)
    document = SessionDocumentFactory(session=SessionFactory(edition=edition))
    assert client_for(None).get(document.get_absolute_url()).status_code == 404
    assert client_for(staff(StaffRole.COACH)).get(document.get_absolute_url()).status_code == 404
    assert client_for(organiser).get(document.get_absolute_url()).status_code == 200


# --- Django's admin and the navigation ------------------------------------------------------


def test_django_admin_is_for_superusers_only(client_for: Any) -> None:
    not_superuser = staff(StaffRole.ADMIN, is_superuser=False)
    assert client_for(not_superuser).get("/admin/").status_code == 302
    assert client_for(staff(StaffRole.ADMIN)).get("/admin/").status_code == 200


def test_organisers_find_the_back_office_in_the_navigation(client_for: Any, organiser: Any) -> None:
    EditionFactory(year=2031)
    html = client_for(organiser).get(reverse("conference:organise")).content.decode()
    assert reverse("conference:programme-grid-current") in html
    assert reverse("conference:edition-create") in html
    assert "/admin/" not in html
    coach_html = client_for(staff(StaffRole.COACH)).get("/home/").content.decode()
    assert reverse("conference:programme-grid-current") not in coach_html


# --- The journey without JavaScript ---------------------------------------------------------


def test_organiser_journey_without_javascript(client_for: Any, organiser: Any) -> None:
    """Create an edition, set its dates and capacity, add rooms, create and place sessions,
    see a clash before it is saved, and resolve it: plain form posts only."""
    client = client_for(organiser)
    client.post(reverse("conference:edition-create"), edition_data(year="2031"))
    response = client.post(
        reverse("conference:edition-settings", args=[2031]),
        edition_data(starts_on="2031-06-17", ends_on="2031-06-18", capacity="180"),
    )
    assert response.status_code == 302
    edition = Edition.objects.get(year=2031)
    assert (edition.starts_on, edition.capacity) == (datetime.date(2031, 6, 17), 180)
    client.post(
        reverse("conference:edition-structure", args=[2031]),
        _formset("rooms", [{"name": "Sal A", "order": "0"}, {"name": "Sal B", "order": "1"}]),
    )
    create = reverse("conference:session-create", args=[2031])
    client.post(create, session_data(edition, title="Öppning", room="Sal A"))
    client.post(
        create, session_data(edition, title="Workshop", room="Sal B", starts="10:00", ends="11:30")
    )
    grid = client.get(reverse("conference:programme-grid", args=[2031])).content.decode()
    assert grid.index("Öppning") < grid.index("Workshop")
    workshop = edition.sessions.get(title="Workshop")
    place = reverse("conference:session-place", args=[2031, workshop.pk])
    clash = client.post(
        place, place_data(workshop, day="2031-06-17", starts="09:30", ends="11:00", room="Sal A")
    )
    assert clash.status_code == 200
    assert "Krock: ”Öppning”" in clash.content.decode()
    workshop.refresh_from_db()
    assert workshop.room == "Sal B"
    resolved = client.post(
        place, place_data(workshop, day="2031-06-17", starts="10:00", ends="11:00", room="Sal A")
    )
    assert resolved.status_code == 302
    workshop.refresh_from_db()
    assert (workshop.room, workshop.starts_at) == ("Sal A", at(edition.starts_on, 10))
    assert client.get(reverse("conference:programme-grid", args=[2031])).status_code == 200


# --- Query counts ---------------------------------------------------------------------------


@pytest.mark.parametrize("by_rooms", [True, False])
def test_the_grid_costs_the_same_queries_for_one_and_three_sessions(
    client_for: Any, organiser: Any, by_rooms: bool
) -> None:
    def grid_with(count: int) -> int:
        edition = EditionFactory()
        track = TrackFactory(edition=edition)
        if by_rooms:
            RoomFactory(edition=edition, name="Sal A")
        for hour in range(count):
            session = SessionFactory(
                edition=edition,
                track=track,
                room="Sal A" if by_rooms else "",
                starts_at=at(edition.starts_on, 9 + hour),
                ends_at=at(edition.starts_on, 10 + hour),
            )
            session.speakers.set([SpeakerFactory(edition=edition)])
            SessionDocumentFactory(session=session)
        client = client_for(organiser)
        url = reverse("conference:programme-grid", args=[edition.year])
        return count_queries(lambda: client.get(url))

    assert grid_with(1) == grid_with(3)


def test_accepted_input_is_not_scheduled_into_a_clash(
    client_for: Any, organiser: Any, day_edition: Edition
) -> None:
    track = TrackFactory(edition=day_edition, room="Sal 1")
    SessionFactory(
        edition=day_edition,
        title="Öppningspanel",
        track=track,
        starts_at=at(day_edition.starts_on, 10),
        ends_at=at(day_edition.starts_on, 11),
    )
    submission = SubmissionFactory(edition=day_edition, status=SubmissionStatus.ACCEPTED)
    day = day_edition.starts_on.isoformat()
    response = client_for(organiser).post(
        reverse("conference:submission-decide", args=[2031, submission.pk]),
        {
            "schedule": "1",
            "track": track.pk,
            "starts_at": f"{day}T10:30",
            "ends_at": f"{day}T11:30",
        },
    )
    assert response.status_code == 200
    assert "Krock: ”Öppningspanel”" in response.content.decode()
    assert not Session.objects.filter(submission=submission).exists()
