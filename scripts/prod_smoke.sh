#!/usr/bin/env bash
# Smoke test of the production process set (make serve-prod): starts it on PostgreSQL with its
# own run directory and ports, waits for /healthz through nginx, checks the health report, that
# requests reach both web processes (nginx's access log names the upstream of each request),
# that the logs are JSON, and that it stops cleanly on SIGTERM with nothing left running.
#
#   scripts/prod_smoke.sh        (DATABASE_URL defaults to .../samskapa_prod_smoke)
set -euo pipefail
cd "$(dirname "$0")/.."

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/samskapa_prod_smoke}"
export SAMSKAPA_RUN_DIR="${SAMSKAPA_RUN_DIR:-$PWD/var/prod-smoke}"
PROD_PORT="${PROD_PORT:-18080}"
PROD_WEB1_PORT="${PROD_WEB1_PORT:-18101}"
PROD_WEB2_PORT="${PROD_WEB2_PORT:-18102}"
WAIT_SECONDS="${WAIT_SECONDS:-240}"
BASE="http://127.0.0.1:${PROD_PORT}"
PY=.venv/bin/python

mkdir -p "$SAMSKAPA_RUN_DIR"
LOG="$SAMSKAPA_RUN_DIR/serve-prod.log"
rm -f "$SAMSKAPA_RUN_DIR/procrun.pid"
started=$(date +%s)

# Its own session, so that a failure here can stop the whole set (and nothing else).
setsid make serve-prod PROD_PORT="$PROD_PORT" PROD_WEB1_PORT="$PROD_WEB1_PORT" \
  PROD_WEB2_PORT="$PROD_WEB2_PORT" >"$LOG" 2>&1 &
MAKE_PID=$!

fail() {
  echo "prod smoke: FAILED: $*" >&2
  echo "--- last lines of $LOG ---" >&2
  tail -n 60 "$LOG" >&2 || true
  kill -TERM -- "-$MAKE_PID" 2>/dev/null || true
  sleep 3
  kill -KILL -- "-$MAKE_PID" 2>/dev/null || true
  exit 1
}

echo "prod smoke: waiting for $BASE/healthz (log: $LOG)"
health=""
for _ in $(seq "$WAIT_SECONDS"); do
  kill -0 "$MAKE_PID" 2>/dev/null || fail "make serve-prod exited early"
  if health=$(curl -fsS --max-time 5 "$BASE/healthz" 2>/dev/null); then
    break
  fi
  health=""
  sleep 1
done
[ -n "$health" ] || fail "no healthy answer from $BASE/healthz within ${WAIT_SECONDS}s"
echo "prod smoke: up after $(( $(date +%s) - started ))s: $health"

HEALTH="$health" $PY - <<'PY' || fail "unexpected health report"
import json, os
body = json.loads(os.environ["HEALTH"])
assert body["status"] == "ok" and body["database"] == "ok" and body["cache"] == "ok", body
assert "oldest_waiting_seconds" in body["tasks"] and "configured" in body["mail"], body
PY

# Production settings: HTTPS is not forced (explicit flag), DEBUG is off (a 404 page, not the
# debug page), and pages come through the proxy.
for _ in $(seq 20); do
  curl -fsS -o /dev/null --max-time 10 "$BASE/healthz" || fail "/healthz failed through the proxy"
  curl -fsS -o /dev/null --max-time 10 "$BASE/" || fail "/ failed through the proxy"
done
# No state in the web tier: a form from one process is accepted by the other (the CSRF cookie
# and token, the session and the login lockout's count live in the browser and the database).
jar="$SAMSKAPA_RUN_DIR/cookies.txt"
rm -f "$jar"
token=$(curl -fsS -c "$jar" "$BASE/accounts/login/" \
  | sed -n 's/.*name="csrfmiddlewaretoken" value="\([^"]*\)".*/\1/p' | head -n 1)
[ -n "$token" ] || fail "no CSRF token on the login page"
for _ in 1 2 3 4; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" \
    -H "Referer: $BASE/accounts/login/" --data-urlencode "csrfmiddlewaretoken=$token" \
    --data-urlencode "login=nobody@example.org" --data-urlencode "password=not-the-password" \
    "$BASE/accounts/login/")
  [ "$status" = 200 ] || fail "a failed login through the proxy answered $status (expected the form again)"
done
# The task worker: a password-reset request queues an e-mail, which the worker sends (to its
# console in this run).
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" \
  -H "Referer: $BASE/accounts/password/reset/" --data-urlencode "csrfmiddlewaretoken=$token" \
  --data-urlencode "email=smoke-$$@example.org" "$BASE/accounts/password/reset/")
[ "$status" = 302 ] || fail "the password-reset request answered $status"
for _ in $(seq 60); do
  grep -q "^worker .*| To: smoke-$$@example.org" "$LOG" && break
  sleep 1
done
grep -q "^worker .*| To: smoke-$$@example.org" "$LOG" || fail "the worker did not send the queued e-mail"
echo "prod smoke: the worker sent the e-mail queued by a web process"
status=$(curl -s -o "$SAMSKAPA_RUN_DIR/404.html" -w '%{http_code}' "$BASE/no-such-page/")
[ "$status" = 404 ] || fail "a missing page answered $status"
if grep -q "DEBUG = True" "$SAMSKAPA_RUN_DIR/404.html"; then fail "DEBUG is on"; fi
curl -fsS -o /dev/null "$BASE/static/core/css/samskapa.css" || fail "static files are not served"
sleep 1  # let the access log lines reach the log

WEB1="127.0.0.1:$PROD_WEB1_PORT" WEB2="127.0.0.1:$PROD_WEB2_PORT" LOG="$LOG" $PY - <<'PY' \
  || fail "requests did not reach both web processes, or a log line is not JSON"
import collections, json, os
upstreams = collections.Counter()
json_lines = collections.Counter()
posts = collections.Counter()
for line in open(os.environ["LOG"], encoding="utf-8", errors="replace"):
    name, sep, text = line.partition(" | ")
    name = name.strip()
    if not sep or name not in {"web1", "web2", "proxy", "worker", "scheduler"}:
        continue
    if not text.startswith("{"):
        if name in {"web1", "web2"}:
            raise SystemExit(f"not a JSON log line from {name}: {text!r}")
        continue  # nginx's and the worker's own start-up notices
    record = json.loads(text)
    json_lines[name] += 1
    if record.get("logger") == "nginx.access":
        upstreams[record["upstream"]] += 1
    if record.get("logger") == "gunicorn.access" and record.get("route") == "/accounts/login/" \
            and record.get("method") == "POST":
        assert record["status"] == 200, record  # the login form again, not a CSRF failure
        posts[name] += 1
print("prod smoke: requests per web process:", dict(upstreams))
print("prod smoke: JSON log lines per process:", dict(json_lines))
for web in (os.environ["WEB1"], os.environ["WEB2"]):
    assert upstreams[web] > 0, f"no request reached {web}"
print("prod smoke: login form posts per web process:", dict(posts))
for name in ("web1", "web2"):
    assert posts[name] > 0, f"no form post reached {name}"
for name in ("web1", "web2", "proxy"):
    assert json_lines[name] > 0, f"no JSON log line from {name}"
PY

# Stop: SIGTERM to the runner, which stops every process and exits 0 when all ended by
# themselves.
runner=$(cat "$SAMSKAPA_RUN_DIR/procrun.pid")
stop_started=$(date +%s)
kill -TERM "$runner"
code=0
wait "$MAKE_PID" || code=$?
[ "$code" = 0 ] || fail "serve-prod exited with $code after SIGTERM"
left=$(SESSION="$MAKE_PID" $PY -c '
import os
left = []
for entry in os.listdir("/proc"):
    try:
        if entry.isdigit() and os.getsid(int(entry)) == int(os.environ["SESSION"]):
            left.append(entry)
    except ProcessLookupError:
        pass
print(" ".join(left))')
[ -z "$left" ] || fail "processes left running: $left"
if curl -s --max-time 2 -o /dev/null "$BASE/healthz"; then fail "the proxy still answers"; fi
stops=$(grep -E '^procrun +\| .* stopped \(' "$LOG")
echo "$stops"
if echo "$stops" | grep -vq 'stopped (0)$'; then fail "a process did not exit with status 0"; fi
echo "prod smoke: stopped cleanly in $(( $(date +%s) - stop_started ))s; passed in $(( $(date +%s) - started ))s"
