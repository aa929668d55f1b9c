"""The API's throttle: requests per client address, counted in the shared cache.

DRF's own throttles count in `django.core.cache.cache`; this one names `CACHES["default"]`
explicitly (Redis or the database table that every web process shares, never a per-process
cache), takes the client address the way the site's rate limits do
(`samskapa.core.ratelimit.client_ip`, which trusts a proxy header only when configured), and
reads its rate from `settings.SAMSKAPA_API_RATE` on each request.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.cache import caches
from rest_framework.throttling import SimpleRateThrottle

from samskapa.core.ratelimit import client_ip


class ClientRateThrottle(SimpleRateThrottle):
    scope = "api"

    @property
    def cache(self) -> Any:
        return caches["default"]

    def get_rate(self) -> str:
        return str(settings.SAMSKAPA_API_RATE)

    def get_cache_key(self, request: Any, view: Any) -> str:
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request)}
