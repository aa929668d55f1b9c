from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from samskapa import demo
from samskapa.accounts import personal_data
from samskapa.accounts.personal_data import PersonalDataSource
from samskapa.core import bench, retention


class ConnectConfig(AppConfig):
    name = "samskapa.connect"
    label = "connect"
    verbose_name = _("Connect projects")

    def ready(self) -> None:
        # Imported here, not at the top: these modules import models, which Django allows
        # only once every app is loaded, i.e. from ready() on (samskapa.core.extensions).
        from samskapa.connect import bench as connect_bench
        from samskapa.connect import services

        demo.register(self.name, "samskapa.demo.connect")  # loaded by `manage.py demo`
        personal_data.register(
            PersonalDataSource(
                "connect", services.export_personal_data, services.erase_personal_data
            )
        )
        bench.register(bench.BenchModule("connect", pages=connect_bench.PAGES))
        retention.register(
            retention.RetentionRule(
                "connect.contact_requests",
                _(
                    "Contact requests: unanswered ones after 180 days, declined ones 90 days"
                    " after the answer, the message of accepted ones a year after the answer"
                ),
                services.purge_old_requests,
            )
        )
