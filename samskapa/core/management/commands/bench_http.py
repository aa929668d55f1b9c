"""`manage.py bench_http`: the key pages over HTTP, against the floor (samskapa.core.httpbench).

Run by `make bench` after the in-process table, on the same bench database. It starts its own
gunicorn with production settings on a port of its own, so nothing else may listen there.
"""

from __future__ import annotations

import contextlib
import html
import http.cookiejar
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from samskapa.core import bench, httpbench
from samskapa.core.benchmark import BASELINE_URL
from samskapa.demo.accounts import DEMO_PASSWORD

WRK_SCRIPT = settings.BASE_DIR / "scripts" / "bench_wrk.lua"
WARM_UP_SECONDS = 2
_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # a redirect is an answer of its own here, not followed


def _opener(jar: http.cookiejar.CookieJar) -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)


def _request(url: str, **kwargs: Any) -> urllib.request.Request:
    if not url.startswith("http://127.0.0.1:"):
        raise CommandError(f"Not the local bench server: {url}")
    return urllib.request.Request(url, **kwargs)  # noqa: S310 (checked above)


def _fetch(
    opener: urllib.request.OpenerDirector, request: urllib.request.Request
) -> tuple[int, bytes]:
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:  # 3xx (not followed), 4xx and 5xx
        return error.code, error.read()


class Command(BaseCommand):
    help = "Measure the key pages over HTTP (gunicorn, production settings, wrk) against the floor."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8300, help="gunicorn's port")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
        parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
        parser.add_argument("--connections", type=int, default=8, help="wrk's open connections")
        parser.add_argument(
            "--timeout", type=int, default=10, help="seconds before wrk counts a request as failed"
        )
        parser.add_argument("--run-dir", default=str(settings.BASE_DIR / "var" / "bench-http"))

    def handle(self, *args: Any, **options: Any) -> None:
        name = str(connection.settings_dict["NAME"])
        if "bench" not in name:
            raise CommandError(f"Refusing to measure {name!r}: run through `make bench`.")
        if shutil.which("wrk") is None:
            raise CommandError("wrk is not installed (Debian: apt-get install wrk).")
        pages = [
            (page, page.url())
            for module in bench.modules()
            for page in module.pages
            if page.http_target is not None
        ]
        # Cached public pages first, then forms and logged-in pages.
        pages.sort(key=lambda item: -(item[0].http_target or 0))
        connection.close()  # gunicorn's processes open their own
        self.base = f"http://127.0.0.1:{options['port']}"
        self.options = options
        server_cpu, client_cpu = self._cpus()
        run_dir = Path(options["run_dir"])
        run_dir.mkdir(parents=True, exist_ok=True)
        env = self._production_env()
        self.stdout.write("\nHTTP: collecting static files for the production settings …")
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            env=env,
            check=True,
            cwd=settings.BASE_DIR,
        )
        log_path = run_dir / "gunicorn.log"
        server = self._start_gunicorn(env, server_cpu, log_path)
        try:
            self._wait_until_up(server, log_path)
            cookies = {
                email: self._log_in(email)
                for email in {page.email for page, _ in pages if page.email}
            }
            self.stdout.write(
                f"HTTP: gunicorn ({options['workers']} workers{self._pinned(server_cpu)}) on"
                f" {self.base}, wrk (1 thread, {options['connections']} connections"
                f"{self._pinned(client_cpu)}), {options['duration']} s a page\n"
            )
            floor_runs = [self._measure(BASELINE_URL, "", client_cpu)]
            results = []
            for page, url in pages:
                assert page.http_target is not None
                run = self._measure(url, cookies.get(page.email or "", ""), client_cpu)
                results.append(httpbench.PageResult(page.label, url, page.http_target, run))
            floor_runs.append(self._measure(BASELINE_URL, "", client_cpu))
        finally:
            self._stop(server)
        for line in httpbench.table(results, floor_runs):
            self.stdout.write(line)
        floor = httpbench.floor_per_second(floor_runs)
        failed = [result.label for result in results if not result.passed(floor)]
        if any(run.bad for run in floor_runs):
            failed.insert(0, "the floor")
        if failed:
            raise CommandError(f"Below target or with bad responses: {', '.join(failed)}")

    # --- The server -----------------------------------------------------------------------

    def _production_env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            DEBUG="0",
            SAMSKAPA_TESTING="0",
            SAMSKAPA_DEMO="0",
            SECRET_KEY=secrets.token_urlsafe(48),
            SAMSKAPA_MFA_KEYS=Fernet.generate_key().decode(),
            ALLOWED_HOSTS="127.0.0.1",
            SAMSKAPA_RELEASE=f"bench-http-{int(time.time())}",
            EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
            # The bench-only switch to plain HTTP: production settings force HTTPS (a redirect
            # from http://, secure-only cookies, HSTS); this local run speaks plain HTTP, as
            # `make serve-prod` does, and says so here (docs/operating.md, Measuring).
            SECURE_SSL_REDIRECT="0",
            SECURE_COOKIES="0",
            SECURE_HSTS_SECONDS="0",
        )
        # Production runs several processes on one shared cache, Redis (docs/operating.md); the
        # bench measures that set-up on a Redis database of its own unless REDIS_URL says
        # otherwise (BENCH_REDIS_URL=- measures the database cache instead).
        redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
        if redis_url != "-":
            env.setdefault("REDIS_URL", redis_url)
        return env

    @staticmethod
    def _cpus() -> tuple[int | None, int | None]:
        """gunicorn on one core and wrk on another, when there are two."""
        cores = sorted(os.sched_getaffinity(0))
        if len(cores) < 2 or shutil.which("taskset") is None:
            return None, None
        return cores[1], cores[0]

    @staticmethod
    def _pinned(cpu: int | None) -> str:
        return f", pinned to core {cpu}" if cpu is not None else ", not pinned (one core)"

    @staticmethod
    def _taskset(cpu: int | None) -> list[str]:
        return ["taskset", "-c", str(cpu)] if cpu is not None else []

    def _start_gunicorn(
        self, env: dict[str, str], cpu: int | None, log_path: Path
    ) -> subprocess.Popen[bytes]:
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        command = [
            *self._taskset(cpu),
            gunicorn,
            "samskapa.wsgi",
            "--bind",
            f"127.0.0.1:{self.options['port']}",
            "--workers",
            str(self.options["workers"]),
            "--logger-class",
            "samskapa.core.logs.GunicornLogger",
            # No access log: it would add the same time to every page and measure the log.
            "--error-logfile",
            "-",
        ]
        log = log_path.open("wb")
        return subprocess.Popen(  # noqa: S603 (our own command line)
            command,
            env=env,
            cwd=settings.BASE_DIR,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def _wait_until_up(self, server: subprocess.Popen[bytes], log_path: Path) -> None:
        opener = _opener(http.cookiejar.CookieJar())
        for _ in range(120):
            if server.poll() is not None:
                raise CommandError(f"gunicorn exited ({server.returncode}); see {log_path}")
            with contextlib.suppress(OSError):
                if _fetch(opener, _request(self.base + BASELINE_URL))[0] == 200:
                    return
            time.sleep(0.5)
        raise CommandError(f"gunicorn did not answer on {self.base}; see {log_path}")

    @staticmethod
    def _stop(server: subprocess.Popen[bytes]) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()

    # --- Requests -------------------------------------------------------------------------

    def _log_in(self, email: str) -> str:
        """Log in through the login form, as a person would; the session cookie for wrk."""
        jar = http.cookiejar.CookieJar()
        opener = _opener(jar)
        url = self.base + "/accounts/login/"
        status, body = _fetch(opener, _request(url))
        match = _TOKEN.search(body.decode())
        if status != 200 or match is None:
            raise CommandError(f"The login form answered {status} without a CSRF token.")
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": html.unescape(match.group(1)),
                "login": email,
                "password": DEMO_PASSWORD,
            }
        ).encode()
        status, _body = _fetch(opener, _request(url, data=data, headers={"Referer": url}))
        if status != 302 or not any(cookie.name == settings.SESSION_COOKIE_NAME for cookie in jar):
            raise CommandError(
                f"Logging in {email} answered {status} without a session: the HTTP bench logs in"
                " only accounts without two-factor authentication."
            )
        # The page after logging in shows (and so clears) the "signed in" message, as a
        # browser's next page does; a message still waiting would make every page a miss.
        _fetch(opener, _request(self.base + "/home/"))
        return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)

    def _measure(self, url: str, cookie: str, cpu: int | None) -> httpbench.WrkRun:
        opener = _opener(http.cookiejar.CookieJar())
        headers = {"Cookie": cookie} if cookie else {}
        for _ in range(5):  # warm the processes' caches (and the public page cache)
            status, body = _fetch(opener, _request(self.base + url, headers=headers))
        if status != 200:
            self.stderr.write(f"{url} answered {status}: every response will count as bad.")
        # A short run first, not counted: every worker process has then loaded the page's
        # templates and code and filled its caches, as a server does after its first minute.
        subprocess.run(  # noqa: S603
            self._wrk(url, cookie, cpu, len(body), WARM_UP_SECONDS),
            capture_output=True,
            check=False,
        )
        command = self._wrk(url, cookie, cpu, len(body), self.options["duration"])
        done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
        return httpbench.parse_wrk(done.stdout + done.stderr)

    def _wrk(self, url: str, cookie: str, cpu: int | None, size: int, seconds: int) -> list[str]:
        return [
            *self._taskset(cpu),
            "wrk",
            "--threads",
            "1",
            "--connections",
            str(self.options["connections"]),
            "--duration",
            f"{seconds}s",
            "--timeout",
            f"{self.options['timeout']}s",
            "--script",
            str(WRK_SCRIPT),
            self.base + url,
            "--",
            str(size),
            cookie,
        ]
