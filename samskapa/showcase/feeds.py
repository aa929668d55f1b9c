"""An Atom feed of newly published innovation cases, in the page's language."""

from __future__ import annotations

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from samskapa.showcase import selectors
from samskapa.showcase.models import Case

FEED_ITEMS = 20


class LatestCasesFeed(Feed):
    feed_type = Atom1Feed

    def title(self) -> str:
        return _("Samskapa: new social innovations")

    def subtitle(self) -> str:
        return _("Innovations published by the projects of ESF+ programme area E.")

    def link(self) -> str:
        return reverse("showcase:case-list")

    def feed_url(self) -> str:
        return reverse("showcase:case-feed")

    def items(self) -> list[Case]:
        return list(selectors.published_cases()[:FEED_ITEMS])

    def item_title(self, item: Case) -> str:
        assert item.public_version is not None
        return item.public_version.text("title")

    def item_description(self, item: Case) -> str:
        assert item.public_version is not None
        return item.public_version.text("summary")

    def item_pubdate(self, item: Case) -> datetime | None:
        assert item.public_version is not None
        return item.public_version.published_at
