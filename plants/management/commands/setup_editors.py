"""Create or update the Editors group: everything on plant content, nothing on accounts.

Idempotent: rerun it after adding a model and the group gains that model's permissions.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError

GROUP_NAME = "Editors"


class Command(BaseCommand):
    help = "Create the Editors group (add/change/delete/view on every plants model; no users or groups)."

    def add_arguments(self, parser):
        parser.add_argument("--user", action="append", default=[], help="Add this staff user to the group.")

    def handle(self, *args, user, **options):
        group, created = Group.objects.get_or_create(name=GROUP_NAME)
        permissions = Permission.objects.filter(content_type__app_label="plants")
        group.permissions.set(permissions)
        self.stdout.write(
            f"{'Created' if created else 'Updated'} group {GROUP_NAME} with {permissions.count()} permissions."
        )
        User = get_user_model()
        for username in user:
            try:
                member = User.objects.get(username=username)
            except User.DoesNotExist as error:
                raise CommandError(f"No user named {username!r}.") from error
            if not member.is_staff:
                member.is_staff = True
                member.save(update_fields=["is_staff"])
            member.groups.add(group)
            self.stdout.write(f"Added {username} to {GROUP_NAME} (staff).")
