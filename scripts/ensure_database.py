#!/usr/bin/env python3
"""Create the PostgreSQL database named in DATABASE_URL if it does not exist yet (used by
`make serve-prod`), or with `--drop` remove it (CI, after the smoke test). Connects to the
server's `postgres` database with the same credentials. Nothing to do for SQLite."""

from __future__ import annotations

import os
import sys

import dj_database_url
import psycopg
from psycopg import sql


def main() -> int:
    url = os.environ.get("DATABASE_URL", "")
    config = dj_database_url.parse(url) if url else {}
    if "postgresql" not in config.get("ENGINE", ""):
        return 0
    name = config["NAME"]
    connection = psycopg.connect(
        dbname="postgres",
        user=config.get("USER") or None,
        password=config.get("PASSWORD") or None,
        host=config.get("HOST") or None,
        port=config.get("PORT") or None,
        autocommit=True,
    )
    with connection:
        if sys.argv[1:] == ["--drop"]:
            connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
            print(f"Dropped the database {name}.")
            return 0
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"Created the database {name}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
