from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samskapa import demo
from samskapa.accounts import personal_data
from samskapa.accounts.personal_data import PersonalDataSource
from samskapa.core import bench, dashboard, navigation
from samskapa.core.navigation import NavItem


class EvaluationConfig(AppConfig):
    name = "samskapa.evaluation"
    label = "evaluation"
    verbose_name = _("Results")

    def ready(self) -> None:
        # Imported here, not at the top: these modules import models, which Django allows
        # only once every app is loaded, i.e. from ready() on (samskapa.core.extensions).
        from samskapa.evaluation import bench as evaluation_bench
        from samskapa.evaluation import bench_surveys, services
        from samskapa.evaluation import dashboard as panels

        demo.register(self.name, "samskapa.demo.evaluation")  # loaded by `manage.py demo`
        navigation.register(
            NavItem(
                "evaluation:overview",
                pgettext_lazy("nav", "Results"),
                45,
                perm="evaluation.view_programme",
            )
        )
        navigation.register(
            NavItem(
                "evaluation:queue",
                pgettext_lazy("nav", "Approve values"),
                46,
                perm="evaluation.review_values",
            )
        )
        navigation.register(
            NavItem(
                "evaluation:cycles",
                pgettext_lazy("nav", "Evaluation cycles"),
                47,
                perm="evaluation.view_cycles",
            )
        )
        navigation.register(
            NavItem(
                "evaluation:my-findings",
                pgettext_lazy("nav", "Evaluation findings"),
                48,
                perm="evaluation.view_shared_findings",
            )
        )
        personal_data.register(
            PersonalDataSource(
                "evaluation", services.export_personal_data, services.erase_personal_data
            )
        )
        for panel in panels.PANELS:
            dashboard.register(panel)
        bench.register(
            bench.BenchModule(
                "evaluation",
                pages=[*evaluation_bench.PAGES, *bench_surveys.PAGES],
                seed=_bench_seed,
            )
        )
        self._ready_surveys()

    def _ready_surveys(self) -> None:
        """Surveys of evaluation cycles (issue 15): the member panel and the retention rule
        that deletes the addresses of closed waves (the benchmark wave is in `_bench_seed`)."""
        # Imported here, not at the top: these modules import models (see ready()).
        from samskapa.core import retention
        from samskapa.evaluation import dashboard_surveys as survey_panels
        from samskapa.evaluation import services_surveys

        for panel in survey_panels.PANELS:
            dashboard.register(panel)
        retention.register(
            retention.RetentionRule(
                "evaluation-survey-links",
                _("Addresses and unused single-use links of survey waves that have closed"),
                services_surveys.purge_wave_links,
            )
        )


def _bench_seed(*, scale: int) -> None:
    """The results' benchmark values, then the survey wave of 10,000 answers (issue 15)."""
    # Imported here, not at the top: these modules import models (see ready()).
    from samskapa.evaluation import bench as evaluation_bench
    from samskapa.evaluation import bench_surveys

    evaluation_bench.seed(scale=scale)
    bench_surveys.seed(scale=scale)
