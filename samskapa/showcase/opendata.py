"""Open data: published cases, published spread records and the results work's published
figures as CSV and JSON at stable addresses, and a DCAT-AP catalogue of them in JSON-LD
(docs/showcase.md, "Open data").

Everything here starts from `selectors.published_cases()` and
`selectors.published_spread_records()`, so a file lists exactly what the pages show, with the
same identifiers (`id` is the number in the case page's address). The files and the catalogue
are stored in the public cache under the showcase's area: publishing or withdrawing a case, or
changing a published spread record, renders them anew.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samskapa.core.exports import safe_cell
from samskapa.core.pagecache import public_cache
from samskapa.evaluation.enums import AGE_FIELDS, GENDER_FIELDS, ValueStatus
from samskapa.evaluation.models import Value
from samskapa.evaluation.published import cached_published_aggregates
from samskapa.showcase import selectors, services
from samskapa.showcase.enums import LICENCE_URLS, Licence
from samskapa.showcase.models import TEXT_FIELDS, Case

AREA = services.AREA
CSV_TYPE = "text/csv"
JSON_TYPE = "application/json"
MEDIA_TYPES = {"csv": CSV_TYPE, "json": JSON_TYPE}
# The licence of the catalogue itself and of the spread-record data set (the centre's records).
CENTRE_LICENCE = Licence.CC_BY_4_0
EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
EU_LANGUAGE = "http://publications.europa.eu/resource/authority/language/"


def _absolute(request: HttpRequest, name: str, *args: Any) -> str:
    with translation.override("sv"):  # the Swedish address: the identifier that stays
        return request.build_absolute_uri(reverse(name, args=args))


def case_rows(request: HttpRequest) -> list[dict[str, Any]]:
    rows = []
    for case in selectors.published_cases():
        version = case.public_version
        assert version is not None
        row: dict[str, Any] = {
            "id": case.pk,
            "url": _absolute(request, "showcase:case-detail", case.pk),
        }
        row["version"] = version.number
        for name in TEXT_FIELDS:
            row[f"{name}_sv"] = getattr(version, name)
            row[f"{name}_en"] = getattr(version, f"{name}_en")
        row.update(
            {
                "project_number": version.project_number,
                "owner": version.owner_name,
                "owner_organisation_number": version.owner_org_number,
                "call": version.call_reference,
                "programme_area": version.programme_area,
                "specific_objective": version.specific_objective,
                "region": version.region,
                "nuts2": version.nuts_region,
                "intervention_type": version.intervention_type,
                "status": version.phase,
                "start": version.start,
                "end": version.end,
                "total_budget_sek": version.total_budget,
                "eu_cofinancing_rate_percent": version.cofinancing_rate,
                "focus_areas": list(version.focus_areas),
                "target_groups": list(version.target_groups),
                "links": [link["url"] for link in version.links],
                "picture_credit": version.picture_credit,
                "published": version.published_at,
                "licence": version.licence,
                "licence_url": version.licence_url,
            }
        )
        rows.append(row)
    return rows


def spread_rows(request: HttpRequest) -> list[dict[str, Any]]:
    rows = []
    for record in selectors.published_spread_records():
        case: Case = record.project.case
        rows.append(
            {
                "id": record.pk,
                "case_id": case.pk,
                "case_url": _absolute(request, "showcase:case-detail", case.pk),
                "scaling": record.scaling,
                "kind": record.kind,
                "adopting_organisation": record.organisation,
                "level": record.level,
                "instrument": record.instrument,
                "status": record.status,
                "date": record.date,
                "evidence_url": record.evidence_url,
                "description_sv": record.description,
                "description_en": record.description_en,
                "licence": CENTRE_LICENCE.value,
                "licence_url": LICENCE_URLS[CENTRE_LICENCE],
            }
        )
    return rows


BREAKDOWN_FIELDS = [*GENDER_FIELDS, *AGE_FIELDS]


def aggregate_rows(request: HttpRequest) -> list[dict[str, Any]]:
    """The published figures exactly as the public API gives them (`evaluation.published`):
    programme and call level, after disclosure control; a hidden figure is empty, never its
    value."""
    rows = []
    for figure in cached_published_aggregates():
        row: dict[str, Any] = {
            "level": figure.level,
            "call": figure.call,
            "indicator": figure.indicator,
            "indicator_name_sv": figure.indicator_name_sv,
            "indicator_name_en": figure.indicator_name_en,
            "measure": figure.measure,
            "period": figure.period,
            "period_starts": figure.period_starts,
            "value": figure.value,
            "suppressed": figure.suppressed,
            "projects": figure.projects,
        }
        for field in BREAKDOWN_FIELDS:
            row[field] = figure.breakdown.get(field)
        row["licence"] = CENTRE_LICENCE.value
        row["licence_url"] = LICENCE_URLS[CENTRE_LICENCE]
        rows.append(row)
    return rows


DATASETS: dict[str, Callable[[HttpRequest], list[dict[str, Any]]]] = {
    "cases": case_rows,
    "spread-records": spread_rows,
    "aggregates": aggregate_rows,
}
# The published figures change with every approval, which the showcase's area does not see:
# their files are not stored in the public page cache; `cached_published_aggregates` keeps the
# figures themselves in the shared cache under a fingerprint of what they are computed from.
UNCACHED_DATASETS = {"aggregates"}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _csv_value(value: Any) -> Any:
    if isinstance(value, list):
        return " ".join(str(item) for item in value)
    return safe_cell(_plain(value))


def _csv(rows: list[dict[str, Any]], header: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_csv_value(row[name]) for name in header])
    return buffer.getvalue()


HEADERS = {
    "cases": [
        "id", "url", "version",
        *[f"{name}_{lang}" for name in TEXT_FIELDS for lang in ("sv", "en")],
        "project_number", "owner", "owner_organisation_number", "call", "programme_area",
        "specific_objective", "region", "nuts2", "intervention_type", "status", "start", "end",
        "total_budget_sek", "eu_cofinancing_rate_percent", "focus_areas", "target_groups",
        "links", "picture_credit", "published", "licence", "licence_url",
    ],
    "spread-records": [
        "id", "case_id", "case_url", "scaling", "kind", "adopting_organisation", "level",
        "instrument", "status", "date", "evidence_url", "description_sv", "description_en",
        "licence", "licence_url",
    ],
    "aggregates": [
        "level", "call", "indicator", "indicator_name_sv", "indicator_name_en", "measure",
        "period", "period_starts", "value", "suppressed", "projects", *BREAKDOWN_FIELDS,
        "licence", "licence_url",
    ],
}  # fmt: skip


@login_not_required
def download(request: HttpRequest, dataset: str, fmt: str) -> HttpResponse:
    if dataset in UNCACHED_DATASETS:
        return _download(request, dataset, fmt)
    return _cached_download(request, dataset, fmt)


def _download(request: HttpRequest, dataset: str, fmt: str) -> HttpResponse:
    if dataset not in DATASETS or fmt not in MEDIA_TYPES:
        raise Http404
    rows = DATASETS[dataset](request)
    if fmt == "csv":
        body = _csv(rows, HEADERS[dataset])
        response = HttpResponse(body, content_type=f"{CSV_TYPE}; charset=utf-8")
    else:
        data = [{key: _plain(value) for key, value in row.items()} for row in rows]
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=1),
            content_type=f"{JSON_TYPE}; charset=utf-8",
        )
    response["Content-Disposition"] = f'inline; filename="{dataset}.{fmt}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


_cached_download = public_cache(AREA)(_download)


def _modified(dataset: str) -> str:
    """When the data set last changed: the latest publication or record change."""
    if dataset == "cases":
        latest = (
            selectors.published_cases()
            .order_by("-public_version__published_at")
            .values_list("public_version__published_at", flat=True)
            .first()
        )
    elif dataset == "aggregates":
        latest = (
            Value.objects.filter(status=ValueStatus.APPROVED)
            .order_by("-updated_at")
            .values_list("updated_at", flat=True)
            .first()
        )
    else:
        latest = (
            selectors.published_spread_records()
            .order_by("-updated_at")
            .values_list("updated_at", flat=True)
            .first()
        )
    return (latest or timezone.now()).date().isoformat()


def _titles() -> dict[str, tuple[str, str]]:
    titles = {}
    for dataset, title, description in (
        (
            "cases",
            "Public innovation cases",
            "Social innovations from ESF+ programme area E that their projects have published, "
            "with register fields and the four Social Innovation Match headings.",
        ),
        (
            "spread-records",
            "How the innovations spread",
            "Published records of how each innovation spreads: scaling out, up and deep, "
            "adopting organisation, level, instrument and status.",
        ),
        (
            "aggregates",
            "Results across projects",
            "The projects' approved indicator values added up per programme and call, per "
            "reporting period and in all, with gender and age breakdowns; small groups are "
            "hidden (disclosure control).",
        ),
    ):
        titles[dataset] = (title, description)
    return titles


SWEDISH_TITLES = {
    "cases": (
        "Publika innovationsfall",
        "Sociala innovationer från ESF+ programområde E som projekten har publicerat, med "
        "registeruppgifter och Social Innovation Matchs fyra rubriker.",
    ),
    "spread-records": (
        "Hur innovationerna sprids",
        "Publicerade uppgifter om hur varje innovation sprids: på bredden, uppåt och på djupet, "
        "med organisation som tagit den till sig, nivå, instrument och status.",
    ),
    "aggregates": (
        "Resultat över projekten",
        "Projektens godkända indikatorvärden summerade per programområde och utlysning, per "
        "rapportperiod och totalt, med fördelning på kön och ålder; små grupper döljs "
        "(röjandekontroll).",
    ),
}


def _text(sv: str, en: str) -> list[dict[str, str]]:
    return [{"@value": sv, "@language": "sv"}, {"@value": en, "@language": "en"}]


@login_not_required
@public_cache(AREA)
def catalog(request: HttpRequest) -> HttpResponse:
    """The DCAT-AP catalogue (JSON-LD) of the open data sets: each with title, description,
    publisher, licence, modified date and one distribution per file."""
    base = _absolute(request, "showcase:open-data")
    publisher = {
        "@id": base + "#publisher",
        "@type": "foaf:Agent",
        "foaf:name": _text(
            "Nationellt kompetenscentrum för social innovation",
            "National competence centre for social innovation",
        ),
    }
    datasets = []
    for dataset, (title_en, description_en) in _titles().items():
        title_sv, description_sv = SWEDISH_TITLES[dataset]
        licence = LICENCE_URLS[CENTRE_LICENCE]
        distributions = []
        for fmt, media_type in MEDIA_TYPES.items():
            url = _absolute(request, "showcase:open-data-file", dataset, fmt)
            distributions.append(
                {
                    "@id": url + "#distribution",
                    "@type": "dcat:Distribution",
                    "dct:title": _text(
                        f"{title_sv} ({fmt.upper()})", f"{title_en} ({fmt.upper()})"
                    ),
                    "dcat:accessURL": {"@id": url},
                    "dcat:downloadURL": {"@id": url},
                    "dct:format": {"@id": EU_FILE_TYPE + fmt.upper()},
                    "dcat:mediaType": {
                        "@id": "http://www.iana.org/assignments/media-types/" + media_type
                    },
                    "dct:license": {"@id": licence},
                    "dct:modified": {"@value": _modified(dataset), "@type": "xsd:date"},
                }
            )
        datasets.append(
            {
                "@id": base + "#" + dataset,
                "@type": "dcat:Dataset",
                "dct:identifier": base + "#" + dataset,
                "dct:title": _text(title_sv, title_en),
                "dct:description": _text(description_sv, description_en),
                "dct:publisher": {"@id": publisher["@id"]},
                "dct:license": {"@id": licence},
                "dct:language": [{"@id": EU_LANGUAGE + "SWE"}, {"@id": EU_LANGUAGE + "ENG"}],
                "dct:modified": {"@value": _modified(dataset), "@type": "xsd:date"},
                "dcat:landingPage": {"@id": base},
                "dcat:distribution": distributions,
            }
        )
    document = {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@graph": [
            {
                "@id": _absolute(request, "showcase:open-data-catalog"),
                "@type": "dcat:Catalog",
                "dct:title": _text("Samskapas öppna data", "Samskapa open data"),
                "dct:description": _text(
                    "Publicerade innovationsfall och hur de sprids, från kompetenscentret för "
                    "social innovation (ESF+ programområde E).",
                    "Published innovation cases and how they spread, from the competence centre "
                    "for social innovation (ESF+ programme area E).",
                ),
                "dct:publisher": {"@id": publisher["@id"]},
                "dct:license": {"@id": LICENCE_URLS[CENTRE_LICENCE]},
                "dct:modified": {
                    "@value": max(_modified(d) for d in DATASETS),
                    "@type": "xsd:date",
                },
                "foaf:homepage": {"@id": base},
                "dcat:dataset": [{"@id": d["@id"]} for d in datasets],
            },
            publisher,
            *datasets,
        ],
    }
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=1),
        content_type="application/ld+json; charset=utf-8",
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@login_not_required
@public_cache(AREA)
def index(request: HttpRequest) -> HttpResponse:
    files = [
        {
            "dataset": dataset,
            "title": title,
            "files": [
                (fmt.upper(), reverse("showcase:open-data-file", args=[dataset, fmt]))
                for fmt in MEDIA_TYPES
            ],
        }
        for dataset, title in (
            ("cases", _("Public innovation cases")),
            ("spread-records", _("How the innovations spread")),
            ("aggregates", _("Results across projects")),
        )
    ]
    return render(
        request,
        "showcase/open_data.html",
        {
            "datasets": files,
            "counts": {
                "cases": selectors.published_cases().count(),
                "spread": selectors.published_spread_records().count(),
                "aggregates": len(cached_published_aggregates()),
            },
        },
    )
