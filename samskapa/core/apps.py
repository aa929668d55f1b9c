from django.apps import AppConfig
from django.core.signals import request_finished, request_started
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samskapa.accounts import personal_data
from samskapa.core import navigation, retention, uploads, writes
from samskapa.core.navigation import NavItem


class CoreConfig(AppConfig):
    name = "samskapa.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        # Imported here, not at the top: audit and signals import models, which Django allows
        # only once every app is loaded, i.e. from ready() on (samskapa.core.extensions).
        from samskapa.core import signals  # noqa: F401  (connects the signal receivers)
        from samskapa.core.audit import purge_security_log
        from samskapa.core.personal import erase_person, export_person

        # Every write renews the database's version, under which personal pages are cached.
        connection_created.connect(writes.watch, dispatch_uid="samskapa.core.writes")
        request_started.connect(writes.request_started, dispatch_uid="samskapa.core.writes")
        request_finished.connect(writes.request_finished, dispatch_uid="samskapa.core.writes")

        navigation.register(
            NavItem("core:home", pgettext_lazy("nav", "Start"), 0, public_section=True)
        )
        navigation.register(
            NavItem(
                "core:support",
                pgettext_lazy("nav", "Support and learning"),
                10,
                public_section=True,
            )
        )
        navigation.register(
            NavItem("core:about", pgettext_lazy("nav", "About"), 90, public_section=True)
        )
        navigation.register(
            NavItem(
                "core:dashboard", pgettext_lazy("nav", "My overview"), 0, perm="core.view_dashboard"
            )
        )
        navigation.register(
            NavItem(
                "core:audit-log", pgettext_lazy("nav", "Audit log"), 95, perm="core.view_auditevent"
            )
        )
        retention.register(
            retention.RetentionRule(
                "core.import_uploads",
                _("Uploaded import files, a day after the upload at the latest"),
                uploads.purge,
            )
        )
        retention.register(
            retention.RetentionRule(
                "core.audit_log",
                _("Security and audit log entries older than 90 days"),
                purge_security_log,
            )
        )
        personal_data.register(
            personal_data.PersonalDataSource("tasks", export_person, erase_person)
        )
