from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class LibraryConfig(AppConfig):
    name = "samskapa.library"
    label = "library"
    verbose_name = _("Knowledge bank")

    def ready(self) -> None:
        from samskapa import demo
        from samskapa.accounts import personal_data
        from samskapa.core import navigation
        from samskapa.library import dashboard  # noqa: F401  (registers the dashboard panel)
        from samskapa.library.personal_data import erase_authorship, export_authorship

        demo.register(self.name, "samskapa.demo.library")  # loaded by `manage.py demo`

        navigation.register(
            navigation.NavItem(
                "library:index", pgettext_lazy("nav", "Knowledge bank"), 20, public_section=True
            )
        )
        navigation.register(
            navigation.NavItem(
                "library:manage",
                pgettext_lazy("nav", "Authoring"),
                60,
                perm="library.add_material",
            )
        )
        personal_data.register(key="library", export=export_authorship, erase=erase_authorship)
