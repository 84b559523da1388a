"""`manage.py import_article PATH...`: load plant articles into draft profiles.

Reading the text is `plants.article_format`'s job and storing it is
`plants.importer`'s; this command only loops over the files and reports.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext

from plants.article_format import ArticleFormatError, parse_file
from plants.importer import ArticleImportError, import_article


class Command(BaseCommand):
    help = (
        "Create or update plant profiles (as drafts) from article files in the seed's text format. "
        "Each file is imported in its own transaction; a file with errors changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="Article files (UTF-8 text).")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would be created or updated, and write nothing.",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish each imported profile (new profiles are otherwise drafts, "
            "and updated ones keep their status).",
        )

    def handle(self, *args, paths, dry_run, publish, verbosity, **options):
        failed = [path for path in paths if not self.import_one(path, dry_run, publish, verbosity)]
        if failed:
            message = ngettext(
                "%(failed)d of %(count)d file failed", "%(failed)d of %(count)d files failed", len(paths)
            )
            raise CommandError(
                f"{message % {'failed': len(failed), 'count': len(paths)}}: {', '.join(failed)}"
            )

    def import_one(self, path: str, dry_run: bool, publish: bool, verbosity: int) -> bool:
        try:
            parsed = parse_file(path)
        except ArticleFormatError as error:
            self.stderr.write(str(error))
            return False
        except OSError as error:
            self.stderr.write(f"{path}: {error.strerror or error}")
            return False
        for warning in parsed.warnings:
            self.stderr.write(f"{path}:{warning.line}: warning: {warning.message}")
        try:
            result = import_article(parsed, publish=publish, dry_run=dry_run)
        except ArticleImportError as error:
            for field, message in error.errors:
                self.stderr.write(f"{path}: {field}: {message}")
            return False
        for warning in result.warnings:
            self.stderr.write(f"{path}: warning: {warning}")
        self.stdout.write(f"{path}: {result.summary()}")
        if verbosity >= 2 or (dry_run and verbosity >= 1):
            for change in result.changes:
                self.stdout.write(f"  {change}")
        return True
