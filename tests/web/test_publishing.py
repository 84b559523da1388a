"""Publishing workflow: drafts, scheduling, bulk actions, staff preview, history."""

import datetime

from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from plants.models import PlantProfile
from tests.support import factories
from tests.support.admin_forms import form_data

CHANGELIST = reverse("admin:plants_plantprofile_changelist")


def test_new_profiles_are_drafts():
    assert PlantProfile._meta.get_field("status").default == "draft"


def test_scheduled_profile_appears_once_its_time_passes(client, db):
    soon = factories.plant(published_at=timezone.now() + datetime.timedelta(hours=1))
    assert client.get(soon.get_absolute_url()).status_code == 404
    PlantProfile.objects.filter(pk=soon.pk).update(
        published_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert client.get(soon.get_absolute_url()).status_code == 200  # no job had to run


def test_publish_and_unpublish_many_at_once(staff_client, db, django_assert_max_num_queries):
    drafts = factories.make_plants(3, status="draft")
    live = factories.plant()
    ids = [str(p.pk) for p in [*drafts, live]]
    response = staff_client.post(CHANGELIST, {"action": "publish", "_selected_action": ids}, follow=True)
    assert "Published 3 plant profiles." in response.content.decode()
    assert PlantProfile.objects.live().count() == 4
    assert LogEntry.objects.filter(change_message="Published.").count() == 3

    response = staff_client.post(CHANGELIST, {"action": "unpublish", "_selected_action": ids}, follow=True)
    assert "Unpublished 4 plant profiles." in response.content.decode()
    assert PlantProfile.objects.live().count() == 0


def test_bulk_publish_does_not_query_per_row(staff_client, db, django_assert_max_num_queries):
    def publish(count):
        ids = [str(p.pk) for p in factories.make_plants(count, status="draft")]
        with django_assert_max_num_queries(100) as captured:
            staff_client.post(CHANGELIST, {"action": "publish", "_selected_action": ids})
        return len(captured.captured_queries)

    assert publish(2) == publish(20)


def test_visibility_column_and_filter(staff_client, db):
    factories.plant(common_name="Live one")
    factories.plant(common_name="Draft one", status="draft")
    factories.plant(common_name="Later one", published_at=timezone.now() + datetime.timedelta(days=2))
    html = staff_client.get(CHANGELIST).content.decode()
    assert "Scheduled for" in html and "Draft" in html and "Live" in html
    scheduled = staff_client.get(CHANGELIST, {"visibility": "scheduled"}).content.decode()
    assert "Later one" in scheduled and "Live one" not in scheduled and "Draft one" not in scheduled
    drafts = staff_client.get(CHANGELIST, {"visibility": "draft"}).content.decode()
    assert "Draft one" in drafts and "Live one" not in drafts


def test_staff_preview_drafts_and_public_gets_404(staff_client, db):
    from django.test import Client

    draft = factories.plant(status="draft")
    assert Client().get(draft.get_absolute_url()).status_code == 404
    response = staff_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert (
        "Preview:" in response.content.decode()
        and "this profile is not published" in response.content.decode()
    )
    live = factories.plant()
    assert "Preview:" not in staff_client.get(live.get_absolute_url()).content.decode()


def test_view_on_site_works_for_drafts(staff_client, db):
    draft = factories.plant(status="draft")
    change = staff_client.get(reverse("admin:plants_plantprofile_change", args=[draft.pk]))
    assert "View on site" in change.content.decode()
    view_on_site = reverse("admin:view_on_site", args=[change.context["content_type_id"], draft.pk])
    shortcut = staff_client.get(view_on_site, follow=True)
    assert shortcut.status_code == 200 and "Preview:" in shortcut.content.decode()


def test_admin_edit_is_recorded_in_history(staff_client, alumroot):
    url = reverse("admin:plants_plantprofile_change", args=[alumroot.pk])
    data = form_data(staff_client.get(url))
    data["title"] = "Littleleaf Alumroot: a rock-garden gem"
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    history = staff_client.get(
        reverse("admin:plants_plantprofile_history", args=[alumroot.pk])
    ).content.decode()
    assert "Changed Title." in history
