"""Write docs/examples/granted-projects-example.{xlsx,csv}: three granted projects in the
shape of the ESF Council's lists (Swedish headers, Swedish amounts and dates).

Usage: .venv/bin/python scripts/make_import_examples.py
"""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook

OUT = Path(__file__).resolve().parent.parent / "docs" / "examples"
HEADER = [
    "Ärende-ID", "Projektnamn", "Projektägare", "Organisationsnummer", "Utlysning",
    "Programområde", "Specifikt mål", "Region", "Startdatum", "Slutdatum",
    "Beviljat ESF-stöd", "Total budget", "Medfinansieringsgrad", "Planerat antal deltagare",
    "Kontaktperson", "E-post",
]  # fmt: skip
ROWS = [
    ["25-201-S01", "Gröna jobb i Norrbotten", "Luleå kommun", "212000-2700", "", "E", "E1",
     "Norrbottens län", "2025-03-01", "2027-02-28", "6 250 000 kr", "6 580 000 kr", "95 %",
     "80", "Karin Öberg", "karin.oberg@example.se"],
    ["25-207-S01", "Språkcafé på jobbet", "Föreningen Ordbron", "802468-1358", "", "E", "E1",
     "Skåne", "1 april 2025", "31 mars 2027", "3 400 000,00", "3 578 948", "95",
     "60", "Ali Rahimi", "ali.rahimi@example.se"],
    ["25-214-S01", "Unga röster i Örebro", "Örebro kommun", "212000-1843", "", "E", "E1",
     "Örebro län", "2025-05-15", "2026-12-31", "2 900 000 kr", "3 052 632 kr", "95 %",
     "45", "Sara Lund", "sara.lund@example.se"],
]  # fmt: skip


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "granted-projects-example.csv").open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(HEADER)
        writer.writerows(ROWS)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Beviljade projekt"
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    workbook.save(OUT / "granted-projects-example.xlsx")


if __name__ == "__main__":
    main()
