"""Migration toolkit/0005: the toolkit's own indicator values move into the results app's one
store, each indicator linked to the catalogue (a shared entry by its code, or the project's
own entry)."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from samskapa.evaluation import catalogue
from samskapa.evaluation.models import Indicator as CatalogueIndicator
from samskapa.evaluation.models import ProjectIndicator, ReportingPeriod, Value
from samskapa.toolkit.models import Indicator
from tests.factories.evaluation import PeriodFactory
from tests.factories.projects import ProjectFactory

BEFORE = [("toolkit", "0004_constraint_messages")]
AFTER = [("toolkit", "0006_remove_indicator_values")]


# Transactional (the migration executor cannot run inside the test's transaction), without
# serialized_rollback: restoring the serialized database clashes with the content types that an
# earlier transactional test's flush re-created. The flush empties the seeded catalogue, so the
# test seeds it itself.
@pytest.mark.django_db(transaction=True)
def test_the_toolkit_values_move_into_the_one_store() -> None:
    catalogue.seed(CatalogueIndicator)
    project = ProjectFactory()
    first_half = PeriodFactory(call=project.call, starts=datetime.date(2026, 1, 1))
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    OldIndicator = old.get_model("toolkit", "Indicator")
    OldValue = old.get_model("toolkit", "IndicatorValue")
    shared = OldIndicator.objects.create(
        project_id=project.pk, code="EEC/O01", name="Deltagare", kind="output",
        unit="participant", target=100,
    )  # fmt: skip
    own = OldIndicator.objects.create(
        project_id=project.pk, code="P1", name="Arbetsgivare", kind="programme_specific",
        unit="entity", target=10,
    )  # fmt: skip
    for day, value, women in ((1, 10, 4), (3, 25, 12)):  # two readings in the first half-year
        OldValue.objects.create(
            project_id=project.pk, indicator=shared, reported_on=datetime.date(2026, day, 15),
            value=value, women=women, men=value - women,
        )  # fmt: skip
    OldValue.objects.create(
        project_id=project.pk, indicator=own, reported_on=datetime.date(2026, 9, 1), value=4
    )
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)

    eeco01 = CatalogueIndicator.objects.get(code="EECO01", project=None)
    assert Indicator.objects.get(code="EEC/O01").catalogue_id == eeco01.pk
    p1 = Indicator.objects.get(code="P1").catalogue
    assert p1.is_own and p1.project_id == project.pk and p1.name_sv == "Arbetsgivare"
    assert set(ProjectIndicator.objects.filter(project=project).values_list("indicator_id", "target")) == {
        (eeco01.pk, 100), (p1.pk, 10),
    }  # fmt: skip
    value = Value.objects.get(project=project, indicator=eeco01)
    assert (value.period_id, value.value, value.women, value.status) == (
        first_half.pk, 25, 12, "draft",
    )  # fmt: skip
    assert [h.value for h in value.history.order_by("history_date")] == [10, 25]
    second_half = ReportingPeriod.objects.get(call=project.call, starts=datetime.date(2026, 7, 1))
    assert (second_half.name, second_half.locks) == ("2026 H2", datetime.date(2027, 3, 16))
    assert Value.objects.get(project=project, indicator=p1).period == second_half
