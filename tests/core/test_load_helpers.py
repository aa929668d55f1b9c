"""The load scenario's pure helpers (loadtest/helpers.py): its TOTP codes are the ones allauth
accepts, and it finds a page's POST forms with the values the page gives them."""

from __future__ import annotations

from allauth.mfa.totp.internal.auth import generate_totp_secret, validate_totp_code

from loadtest.helpers import post_form, totp

PAGE = """<html><body>
<form method="get" action="/library/"><input name="q" value=""></form>
<form method="post" action="/conference/r/abc/cancel/">
  <input type="hidden" name="csrfmiddlewaretoken" value="tok&amp;en">
  <button type="submit">Cancel</button>
</form>
<form method="post" action="">
  <input type="hidden" name="csrfmiddlewaretoken" value="token2">
  <input name="theory-long_term_goal" value="Fler i arbete">
  <textarea name="theory-narrative">Rad ett
rad två</textarea>
  <select name="sector"><option value="">–</option><option value="public" selected>Offentlig</option>
  <option value="private">Privat</option></select>
  <input type="checkbox" name="sessions" value="3" checked><input type="checkbox" name="sessions" value="4">
</form></body></html>"""


def test_totp_codes_are_accepted_by_allauth():
    secret = generate_totp_secret()
    assert validate_totp_code(secret, totp(secret))
    assert len(totp(secret)) == 6


def test_totp_follows_rfc_6238():
    # RFC 6238, appendix B: the SHA-1 key "12345678901234567890" at 59 s gives 94287082.
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    assert totp(secret, at=59) == "287082"


def test_post_form_by_action_and_by_field():
    cancel = post_form(PAGE, action="/cancel/")
    assert cancel is not None
    assert cancel["fields"] == [("csrfmiddlewaretoken", "tok&en")]
    theory = post_form(PAGE, field="long_term_goal")  # found under its form prefix
    assert theory is not None
    fields = dict(theory["fields"])
    assert fields["theory-long_term_goal"] == "Fler i arbete"
    assert fields["theory-narrative"] == "Rad ett\nrad två"
    assert fields["sector"] == "public" and fields["sessions"] == "3"
    assert theory["options"]["sessions"] == ["3", "4"]
    assert theory["options"]["sector"] == ["", "public", "private"]
    assert post_form(PAGE, field="nothing") is None
    assert post_form(PAGE, field="q") is None  # a GET form is not a POST form
