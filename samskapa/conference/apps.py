from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ConferenceConfig(AppConfig):
    name = "samskapa.conference"
    label = "conference"
    verbose_name = _("Conference")

    def ready(self) -> None:
        from samskapa import demo
        from samskapa.accounts import personal_data
        from samskapa.conference import dashboard, personal  # noqa: F401  (registers panels)
        from samskapa.conference.services import anonymise_old_registrations, purge_needs
        from samskapa.core import navigation, retention

        demo.register(self.name, "samskapa.demo.conference")  # loaded by `manage.py demo`

        navigation.register(
            navigation.NavItem(
                "conference:index",
                pgettext_lazy("nav", "Conference"),
                30,
                public_section=True,
            )
        )
        navigation.register(
            navigation.NavItem(
                "conference:organise",
                pgettext_lazy("nav", "Organise the conference"),
                60,
                perm="conference.organise_conference",
            )
        )
        navigation.register(
            navigation.NavItem(
                "conference:review-list",
                pgettext_lazy("nav", "Review input"),
                61,
                perm="conference.nav_reviews",
            )
        )
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
            key="conference", export=personal.export_person, erase=personal.erase_person
        )
