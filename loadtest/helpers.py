"""Pure helpers of the load scenario (loadtest/locustfile.py), without locust: a TOTP code as
allauth checks it, and the POST forms of a page with the values the page gives them."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time
from html import unescape
from html.parser import HTMLParser
from typing import Any


def totp(secret: str, at: float | None = None) -> str:
    """RFC 6238: six digits, thirty-second steps, HMAC-SHA1 (what allauth checks)."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = struct.pack(">Q", int((at or time.time()) // 30))
    digest = hmac.new(key, counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


class _Form(HTMLParser):
    """The fields of the POST forms of a page, with the values the page gives them."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(
                {
                    "action": a.get("action", ""),
                    "method": a.get("method", "get").lower(),
                    "fields": [],
                    "options": {},
                }
            )
        if not self.forms:
            return
        form = self.forms[-1]
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in {"checkbox", "radio"}:
                form["options"].setdefault(a["name"], []).append(a.get("value", "on"))
                if "checked" in a:
                    form["fields"].append((a["name"], a.get("value", "on")))
            elif kind not in {"submit", "button", "file"}:
                form["fields"].append((a["name"], a.get("value", "")))
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
        elif tag == "option" and self._select:
            form["options"].setdefault(self._select, []).append(a.get("value", ""))
            if "selected" in a:
                form["fields"].append((self._select, a.get("value", "")))
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            form["fields"].append((a["name"], ""))

    def handle_data(self, data: str) -> None:
        if self._textarea and self.forms:
            name, value = self.forms[-1]["fields"][-1]
            self.forms[-1]["fields"][-1] = (name, value + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def post_form(html: str, *, action: str = "", field: str = "") -> dict[str, Any] | None:
    """The page's first POST form whose action contains `action` and that has `field`."""
    parser = _Form()
    parser.feed(html)
    for form in parser.forms:
        names = {name for name, _value in form["fields"]} | set(form["options"])
        # A field by its name, or with a form prefix ("theory-long_term_goal").
        has_field = not field or any(name == field or name.endswith("-" + field) for name in names)
        if form["method"] == "post" and action in unescape(form["action"]) and has_field:
            return form
    return None
