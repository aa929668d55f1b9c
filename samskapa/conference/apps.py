from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samskapa import demo
from samskapa.accounts import personal_data
from samskapa.accounts.personal_data import PersonalDataSource
from samskapa.core import bench, dashboard, navigation, retention
from samskapa.core.navigation import NavItem


class ConferenceConfig(AppConfig):
    name = "samskapa.conference"
    label = "conference"
    verbose_name = _("Conference")

    def ready(self) -> None:
        # Imported here, not at the top: these modules import models, which Django allows
        # only once every app is loaded, i.e. from ready() on (samskapa.core.extensions).
        from samskapa.conference import bench as conference_bench
        from samskapa.conference import dashboard as panels
        from samskapa.conference import personal
        from samskapa.conference.services import anonymise_old_registrations, purge_needs

        demo.register(self.name, "samskapa.demo.conference")  # loaded by `manage.py demo`

        navigation.register(
            NavItem("conference:index", pgettext_lazy("nav", "Conference"), 30, public_section=True)
        )
        navigation.register(
            NavItem(
                "conference:organise",
                pgettext_lazy("nav", "Organise the conference"),
                60,
                perm="conference.organise_conference",
            )
        )
        navigation.register(
            NavItem(
                "conference:programme-grid-current",
                pgettext_lazy("nav", "Conference programme"),
                60,
                perm="conference.change_session",
            )
        )
        navigation.register(
            NavItem(
                "conference:review-list",
                pgettext_lazy("nav", "Review input"),
                61,
                perm="conference.nav_reviews",
            )
        )
        for panel in panels.PANELS:
            dashboard.register(panel)
        retention.register(
            retention.RetentionRule(
                "conference.needs",
                _("Dietary and accessibility needs, 30 days after the conference"),
                purge_needs,
            )
        )
        retention.register(
            retention.RetentionRule(
                "conference.registrations",
                _("Names and addresses of conference participants, 12 months after"),
                anonymise_old_registrations,
            )
        )
        personal_data.register(
            PersonalDataSource("conference", personal.export_person, personal.erase_person)
        )
        bench.register(
            bench.BenchModule(
                "conference", pages=conference_bench.PAGES, seed=conference_bench.seed
            )
        )
