"""Collaboration (focus area: collaboration): how deeply the project works with each partner
organisation, on Himmelman's continuum, and a summary across sectors."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samskapa.accounts.enums import Sector
from samskapa.core.enums import FocusArea
from samskapa.toolkit.enums import CollaborationDepth
from samskapa.toolkit.forms import TEXT, ToolForm
from samskapa.toolkit.models import PartnerCollaboration
from samskapa.toolkit.registry import Part, Tool, count_rows, register
from samskapa.toolkit.selectors import ToolState, organisations_by_id, partner_organisations


class CollaborationForm(ToolForm):
    class Meta:
        model = PartnerCollaboration
        fields = [
            "organisation",
            "depth",
            "interorganisational",
            "interprofessional",
            "intersectoral",
            "contribution",
        ]
        widgets = {"depth": forms.RadioSelect, "contribution": TEXT}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["organisation"]
        field.queryset = field.queryset.filter(
            pk__in=[o.pk for o in partner_organisations(self.project)]
        )
        if self.instance.pk:
            field.disabled = True

    def clean_organisation(self) -> Any:
        organisation = self.cleaned_data["organisation"]
        taken = PartnerCollaboration.objects.filter(project=self.project, organisation=organisation)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("This partner is already described. Change that description instead.")
            )
        return organisation


def present(state: ToolState, uid: str, live: bool) -> dict[str, Any]:
    # The live page also lists the partners not described yet.
    partners = partner_organisations(state.project) if live else []
    organisations = organisations_by_id(
        [c.organisation_id for c in state.collaborations] + [p.pk for p in partners]
    )
    rows: list[dict[str, Any]] = [
        {"collaboration": c, "organisation": organisations.get(c.organisation_id)}
        for c in state.collaborations
    ]
    rows.sort(key=lambda r: r["organisation"].name if r["organisation"] else "")
    described = {c.organisation_id for c in state.collaborations}
    # The cross-sector summary: how many partners per sector sit at each depth.
    counts = Counter(
        (r["organisation"].sector, r["collaboration"].depth) for r in rows if r["organisation"]
    )
    sectors = [
        {
            "sector": sector.label,
            "cells": [counts[(sector.value, depth.value)] for depth in CollaborationDepth],
            "total": sum(counts[(sector.value, d.value)] for d in CollaborationDepth),
        }
        for sector in Sector
    ]
    return {
        "rows": rows,
        "depths": list(CollaborationDepth),
        "summary": sectors,
        "sectors_reached": sum(1 for s in sectors if s["total"]),
        "undescribed": [p for p in partners if p.pk not in described],
        "is_empty": not rows,
    }


TOOL = register(
    Tool(
        key="collaboration",
        name=_("Collaboration"),
        focus_area=FocusArea.COLLABORATION,
        guide=_(
            "For each partner, say how deep the collaboration is: networking (exchanging "
            "information), coordinating (adjusting activities), cooperating (sharing resources) "
            "or collaborating (sharing risks, responsibility and results), and what the partner "
            "contributes."
        ),
        order=50,
        parts=(Part("collaboration", "collaborations", PartnerCollaboration, CollaborationForm),),
        present=present,
        summary=count_rows("collaborations"),
    )
)
