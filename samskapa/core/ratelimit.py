"""One rate limiter for every limited action, counted in the cache that all processes share.

Each limit allows `count` uses per fixed window of `seconds` for one key (a client address or a
person). A use is counted with `cache.add` (the first in a window) and then `cache.incr`, both
atomic in the shared caches Samskapa configures: Redis when REDIS_URL is set, otherwise the
database cache with its row-locking `incr` (samskapa.core.cache). A window is a fixed slice of
clock time, so the counter resets at once when the next slice begins.

django-ratelimit does the same counting but refuses Django's database cache (its system check
E003), which is the default here, so the few lines live in this module.

The login lockout is allauth's own limit (ACCOUNT_RATE_LIMITS["login_failed"]); it counts in
the same default cache and takes the client address from `client_ip` below, through the
account adapter. See docs/operating.md for the settings behind a reverse proxy.
"""

from __future__ import annotations

import hashlib
import ipaddress
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Limit:
    name: str
    count: int
    seconds: int
    reason: Promise  # shown on the 429 page, in the person's language


# Public forms without an account (conference registration, call for input, knowledge-bank
# feedback), per client address: enough for a colleague registering a team, too few for a script.
PUBLIC_FORM = Limit(
    "public-form",
    30,
    60 * 60,
    _(
        "We have received many forms from your network in a short time. Please wait an hour "
        "and try again, or contact the competence centre."
    ),
)
# Project list downloads, per person.
EXPORT = Limit(
    "export",
    30,
    60,
    _("Too many downloads in a short time. Wait a minute and try again."),
)
# Project invitations, per person: each one sends an e-mail to an address typed by hand.
INVITATION = Limit(
    "invitation",
    50,
    60 * 60,
    _("You have sent many invitations in a short time. Please wait an hour and try again."),
)


# Contact requests to other projects, per person: each one e-mails another project's leads.
CONTACT_REQUEST = Limit(
    "contact-request",
    10,
    24 * 60 * 60,
    _(
        "You have sent many contact requests today. Please wait until tomorrow, or ask the "
        "competence centre to put you in touch."
    ),
)


def client_ip(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or, behind reverse proxies, the entry of the trusted
    header that the outermost trusted proxy (the one facing the internet) wrote.

    With SAMSKAPA_CLIENT_IP_HEADER (a request.META name such as "HTTP_X_FORWARDED_FOR") and
    SAMSKAPA_TRUSTED_PROXY_COUNT = n, the address is the n-th entry from the right: each trusted
    proxy appends the address it received the request from, and whatever the client wrote
    itself stands further left, where it is never read. Without the setting the header is
    ignored, since anyone can send it.
    """
    remote = request.META.get("REMOTE_ADDR", "") or ""
    header = settings.SAMSKAPA_CLIENT_IP_HEADER
    if not header:
        return remote
    entries = [part.strip() for part in request.META.get(header, "").split(",") if part.strip()]
    count = settings.SAMSKAPA_TRUSTED_PROXY_COUNT
    if len(entries) < count:
        return remote  # the request did not come through every trusted proxy
    candidate = entries[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def _cache_key(limit: Limit, key: str, window: int) -> str:
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    return f"ratelimit:{limit.name}:{window}:{digest}"


def exceeded(limit: Limit, key: str) -> bool:
    """Count one use of `limit` by `key`; True when this use goes over the limit."""
    window = int(time.time()) // limit.seconds
    cache_key = _cache_key(limit, key, window)
    timeout = limit.seconds + 5  # outlives its window a little, never into the next one's key
    if cache.add(cache_key, 1, timeout=timeout):
        return limit.count < 1
    try:
        used = cache.incr(cache_key)
    except ValueError:  # expired (or not yet visible) between add and incr: a fresh window
        cache.add(cache_key, 1, timeout=timeout)
        used = 1
    return used > limit.count


def client_exceeded(request: HttpRequest, limit: Limit) -> bool:
    address = client_ip(request)
    try:
        if ipaddress.ip_address(address).version == 6:
            # One IPv6 subscriber usually holds a whole /64: count the network, as allauth does.
            address = str(ipaddress.ip_network(f"{address}/64", strict=False))
    except ValueError:
        pass  # no usable address (a misconfigured proxy): all such requests share one count
    return exceeded(limit, f"ip:{address}")


def person_exceeded(request: HttpRequest, limit: Limit) -> bool:
    return exceeded(limit, f"user:{request.user.pk}")


MAIL_TO_AN_ADDRESS_SECONDS = 24 * 60 * 60


def first_mail_today(purpose: str, address: str) -> bool:
    """True the first time in a day that a `purpose` message goes to `address`; False after.

    For messages anyone can make Samskapa send to a typed address ("already registered",
    password reset): at most one a day, so nobody can flood a third party's inbox. Counted
    in the shared cache, keyed by a hash of the address (the address itself is never stored).
    """
    digest = hashlib.sha256(address.strip().lower().encode()).hexdigest()[:32]
    return bool(cache.add(f"mail-once:{purpose}:{digest}", 1, MAIL_TO_AN_ADDRESS_SECONDS))


def too_many(request: HttpRequest, limit: Limit) -> HttpResponse:
    """The answer to a request over its limit: 429 with the limit's reason."""
    return render(request, "core/rate_limited.html", {"reason": limit.reason}, status=429)
