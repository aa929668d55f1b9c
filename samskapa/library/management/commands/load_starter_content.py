from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from samskapa.accounts.models import User
from samskapa.library.starter import load_starter_content


class Command(BaseCommand):
    help = (
        "Load the knowledge bank's starter materials (Swedish and English, published). "
        "Idempotent: existing materials are left as they are unless --update is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--author", default="", help="E-mail of the account to credit.")
        parser.add_argument(
            "--update", action="store_true", help="Overwrite existing starter materials."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        author = None
        if options["author"]:
            author = User.objects.filter(email__iexact=options["author"]).first()
            if author is None:
                raise CommandError(f"No account with the e-mail {options['author']}.")
        result = load_starter_content(author=author, update=options["update"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Starter content: {result['created']} created, {result['updated']} updated."
            )
        )
