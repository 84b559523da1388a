"""The Editors group: can do their work on plant content, cannot touch accounts."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse

from tests.support.admin_forms import form_data


@pytest.fixture
def editor(db, client, django_user_model):
    user = django_user_model.objects.create_user("botanist", password="a-long-password-1", is_staff=True)
    call_command("setup_editors", user=["botanist"], verbosity=0)
    client.force_login(user)
    return client


def test_setup_editors_is_idempotent(db):
    call_command("setup_editors", verbosity=0)
    first = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    call_command("setup_editors", verbosity=0)
    group = Group.objects.get(name="Editors")
    assert set(group.permissions.values_list("codename", flat=True)) == first
    assert Group.objects.filter(name="Editors").count() == 1
    assert {"add_plantprofile", "change_taxon", "delete_gardenuse", "view_caretip"} <= first
    assert not group.permissions.exclude(content_type__app_label="plants").exists()
    assert Permission.objects.filter(content_type__app_label="plants").count() == len(first)


def test_editor_can_edit_plants(editor, alumroot):
    assert editor.get(reverse("admin:plants_plantprofile_changelist")).status_code == 200
    assert editor.get(reverse("admin:plants_plantprofile_add")).status_code == 200
    url = reverse("admin:plants_plantprofile_change", args=[alumroot.pk])
    data = form_data(editor.get(url))
    data["title"] = "Edited by an editor"
    assert editor.post(url, data).status_code == 302
    alumroot.refresh_from_db()
    assert alumroot.title == "Edited by an editor"


@pytest.mark.parametrize(
    "url_name", ["admin:auth_user_changelist", "admin:auth_group_changelist", "admin:auth_user_add"]
)
def test_editor_cannot_manage_accounts(editor, url_name):
    assert editor.get(reverse(url_name)).status_code == 403


def test_unknown_user_is_a_clear_error(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No user named 'nobody'"):
        call_command("setup_editors", user=["nobody"], verbosity=0)
