from tests.access.matrix import EVERYONE, LOGGED_IN, Page

PAGES = [
    Page("core:home", EVERYONE),
    Page("core:support", EVERYONE),
    Page("core:about", EVERYONE),
    Page("core:accessibility", EVERYONE),
    Page("core:dashboard", LOGGED_IN),
    Page("core:audit-log", frozenset({"admin"})),
    Page("healthz", EVERYONE, scan=False),
    Page("security-txt", EVERYONE, scan=False),
    Page("csrf-token", EVERYONE, scan=False),
    Page(
        "set_language",
        EVERYONE,
        method="POST",
        ok=frozenset({302}),
        scan=False,
        data=lambda: {"language": "en", "next": "/"},
        note="the old language switch, kept as a redirect to the page's address in that language",
    ),
]
