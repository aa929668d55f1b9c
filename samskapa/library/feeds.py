"""An Atom feed of newly published material, in the reader's language."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from samskapa.library.enums import Language
from samskapa.library.models import Material


class LatestMaterialsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> str:
        requested = request.GET.get("language", "")
        if requested in Language.values:
            return requested
        return Language.ENGLISH if (get_language() or "").startswith("en") else Language.SWEDISH

    def get_feed(self, obj: Any, request: HttpRequest) -> Any:
        feed = super().get_feed(obj, request)
        feed.feed["language"] = obj  # the materials' language, which may differ from the UI's
        return feed

    def title(self, obj: str) -> str:
        return _("Samskapa: new in the knowledge bank")

    def subtitle(self, obj: str) -> str:
        return _("Support material on social innovation from the competence centre.")

    def link(self, obj: str) -> str:
        return reverse("library:index") + f"?language={obj}"

    def feed_url(self, obj: str) -> str:
        return reverse("library:feed") + f"?language={obj}"

    def items(self, obj: str) -> QuerySet[Material]:
        return (
            Material.objects.published()
            .filter(language=obj)
            .only("title", "slug", "summary", "published_at", "updated_at", "language")
            .order_by("-published_at")[:20]
        )

    def item_title(self, item: Material) -> str:
        return item.title

    def item_description(self, item: Material) -> str:
        return item.summary

    def item_pubdate(self, item: Material) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: Material) -> datetime:
        return item.updated_at
