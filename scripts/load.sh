#!/usr/bin/env bash
# Load proof (make load; docs/operating.md, Load proof): the production process set of
# `make serve-prod` (nginx, two gunicorn processes, the worker, the scheduler) on PostgreSQL
# with the bench data set, loaded by the locust scenario of loadtest/locustfile.py for a bounded
# time; then requests per second, latencies and failures, a check in the database that no
# edition or session holds more people than it has places, and a clean stop.
#
#   scripts/load.sh     LOAD_USERS (50), LOAD_SECONDS (60), LOAD_SPAWN_RATE (10 a second),
#                       LOAD_PORT (8380: nginx; the web processes on LOAD_WEB1_PORT 8381 and
#                       LOAD_WEB2_PORT 8382), DATABASE_URL (…/samskapa_load_bench),
#                       SAMSKAPA_RUN_DIR (var/load)
#
# The first run loads the bench data set into the database (a few minutes); later runs reuse
# it. Exits 1 on any failed request, any 5xx, a place too many, or an unclean stop.
set -euo pipefail
cd "$(dirname "$0")/.."

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/samskapa_load_bench}"
export SAMSKAPA_RUN_DIR="${SAMSKAPA_RUN_DIR:-$PWD/var/load}"
LOAD_PORT="${LOAD_PORT:-8380}"
LOAD_WEB1_PORT="${LOAD_WEB1_PORT:-8381}"
LOAD_WEB2_PORT="${LOAD_WEB2_PORT:-8382}"
LOAD_USERS="${LOAD_USERS:-50}"
LOAD_SECONDS="${LOAD_SECONDS:-60}"
LOAD_SPAWN_RATE="${LOAD_SPAWN_RATE:-10}"
WAIT_SECONDS="${WAIT_SECONDS:-240}"
BASE="http://127.0.0.1:${LOAD_PORT}"
PY=.venv/bin/python
# Both web processes share their cached public pages, as on a server.
export SAMSKAPA_RELEASE="${SAMSKAPA_RELEASE:-load-$(git rev-parse --short HEAD 2>/dev/null || echo local)}"

mkdir -p "$SAMSKAPA_RUN_DIR/tmp" && chmod 700 "$SAMSKAPA_RUN_DIR"
LOG="$SAMSKAPA_RUN_DIR/serve-prod.log"
# The keys serve-prod would create (it keeps these): load_db.py encrypts the staff's TOTP
# secrets with the same MFA key the processes read them with.
test -s "$SAMSKAPA_RUN_DIR/secret-key" ||
  (umask 077; head -c 48 /dev/urandom | base64 | tr -d '\n' >"$SAMSKAPA_RUN_DIR/secret-key")
test -s "$SAMSKAPA_RUN_DIR/mfa-keys" || (umask 077; $PY -c \
  'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())' >"$SAMSKAPA_RUN_DIR/mfa-keys")
MFA_KEYS="$(cat "$SAMSKAPA_RUN_DIR/mfa-keys")"

echo "load: the bench data set in $DATABASE_URL"
$PY scripts/ensure_database.py
DEBUG=1 $PY manage.py migrate --noinput -v 0
if ! DEBUG=1 $PY scripts/load_db.py seeded; then
  DEBUG=1 $PY manage.py bench --seed-only 2>&1 | grep -v '^.*weasyprint' || true
  DEBUG=1 $PY scripts/load_db.py seeded || { echo "load: seeding failed" >&2; exit 1; }
fi
DEBUG=1 SAMSKAPA_MFA_KEYS="$MFA_KEYS" $PY scripts/load_db.py prepare "$SAMSKAPA_RUN_DIR/scenario.json"

rm -f "$SAMSKAPA_RUN_DIR/procrun.pid"
# Its own session, so that a failure here can stop the whole set (and nothing else).
setsid make serve-prod PROD_PORT="$LOAD_PORT" PROD_WEB1_PORT="$LOAD_WEB1_PORT" \
  PROD_WEB2_PORT="$LOAD_WEB2_PORT" >"$LOG" 2>&1 &
MAKE_PID=$!

stop() {
  if [ -s "$SAMSKAPA_RUN_DIR/procrun.pid" ] && kill -0 "$MAKE_PID" 2>/dev/null; then
    kill -TERM "$(cat "$SAMSKAPA_RUN_DIR/procrun.pid")" 2>/dev/null || true
  else
    kill -TERM -- "-$MAKE_PID" 2>/dev/null || true
  fi
  local code=0
  wait "$MAKE_PID" || code=$?
  return "$code"
}
fail() {
  echo "load: FAILED: $*" >&2
  tail -n 40 "$LOG" >&2 || true
  stop || true
  exit 1
}

echo "load: starting the process set on $BASE (log: $LOG)"
for _ in $(seq "$WAIT_SECONDS"); do
  kill -0 "$MAKE_PID" 2>/dev/null || fail "make serve-prod exited early"
  curl -fsS --max-time 5 -o /dev/null "$BASE/healthz" 2>/dev/null && break
  sleep 1
done
curl -fsS --max-time 5 "$BASE/healthz" >/dev/null || fail "no healthy answer from $BASE/healthz"
echo "load: up: $(curl -fsS "$BASE/healthz")"

echo "load: $LOAD_USERS users for $LOAD_SECONDS s (spawning $LOAD_SPAWN_RATE a second)"
locust_code=0
LOAD_SCENARIO="$SAMSKAPA_RUN_DIR/scenario.json" LOAD_LOG="$LOG" .venv/bin/locust \
  -f loadtest/locustfile.py --headless --host "$BASE" --users "$LOAD_USERS" \
  --spawn-rate "$LOAD_SPAWN_RATE" --run-time "${LOAD_SECONDS}s" --stop-timeout 10 \
  --csv "$SAMSKAPA_RUN_DIR/locust" --only-summary --loglevel WARNING \
  >"$SAMSKAPA_RUN_DIR/locust.log" 2>&1 || locust_code=$?
grep -E '^load: ' "$SAMSKAPA_RUN_DIR/locust.log" || true
$PY scripts/load_report.py "$SAMSKAPA_RUN_DIR/locust_stats.csv" "$SAMSKAPA_RUN_DIR/locust_failures.csv" \
  || locust_code=1

check_code=0
DEBUG=1 $PY scripts/load_db.py check || check_code=$?

stop_code=0
stop || stop_code=$?
echo "load: process set stopped ($stop_code): $(grep -cE '^procrun +\| .* stopped \(0\)$' "$LOG") processes exited with 0"
if [ "$locust_code" != 0 ] || [ "$check_code" != 0 ] || [ "$stop_code" != 0 ]; then
  echo "load: FAILED (locust $locust_code, capacity check $check_code, stop $stop_code)" >&2
  exit 1
fi
echo "load: passed: no failures, no 5xx, no place too many, a clean stop"
