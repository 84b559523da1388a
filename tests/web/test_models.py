"""Model rules: rank order, zone range, symbol format, and one-query tree walks."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from plants.models import PlantProfile, Rank, Taxon
from tests.support import factories


@pytest.mark.django_db
class TestTaxonRankOrder:
    def test_child_rank_must_be_below_parent(self):
        genus = factories.genus_chain()
        family = genus.parent
        bad = Taxon(rank=Rank.ORDER, scientific_name="Wrongales", slug="wrongales", parent=family)
        with pytest.raises(ValidationError) as excinfo:
            bad.full_clean()
        assert excinfo.value.message_dict["rank"] == [
            "A order cannot sit under the family “Testaceae”: a child's rank must be below its parent's."
        ]

    def test_same_rank_as_parent_is_refused(self):
        genus = factories.genus_chain()
        with pytest.raises(ValidationError, match="must be below its parent"):
            Taxon(rank=Rank.GENUS, scientific_name="Other", slug="other", parent=genus).full_clean()

    def test_a_rank_may_be_skipped(self):
        kingdom = factories.taxon(Rank.KINGDOM, "Plantae")
        Taxon(
            rank=Rank.CLASS, scientific_name="Magnoliopsida", slug="magnoliopsida", parent=kingdom
        ).full_clean()

    def test_only_a_kingdom_has_no_parent(self):
        with pytest.raises(ValidationError) as excinfo:
            Taxon(rank=Rank.FAMILY, scientific_name="Orphanaceae", slug="orphanaceae").full_clean()
        assert "only a kingdom has none" in excinfo.value.message_dict["parent"][0]

    def test_moving_up_past_a_child_is_refused(self):
        genus = factories.genus_chain()
        family = genus.parent
        family.rank = Rank.SPECIES
        with pytest.raises(ValidationError, match="has a child ranked genus"):
            family.full_clean()

    def test_parent_with_children_cannot_be_deleted(self):
        from django.db.models import ProtectedError

        genus = factories.genus_chain()
        with pytest.raises(ProtectedError):
            genus.parent.delete()


@pytest.mark.django_db
class TestTreeQueries:
    def test_ancestors_in_one_query(self, alumroot, django_assert_num_queries):
        variety = alumroot.taxon
        with django_assert_num_queries(1):
            lineage = list(variety.lineage())
        assert [t.rank_label for t in lineage][:3] == ["Kingdom", "Subkingdom", "Superdivision"]
        assert len(lineage) == 11

    def test_ancestor_query_count_does_not_grow_with_depth(self, db, django_assert_num_queries):
        shallow = factories.taxon(Rank.KINGDOM, "Plantae")
        parent = shallow
        for rank in list(Rank)[1:]:
            parent = factories.taxon(rank, f"Deep {rank.label}", parent)
        for taxon in (shallow, parent):
            with django_assert_num_queries(1):
                list(taxon.lineage())
        assert len(list(parent.lineage())) == len(Rank)

    def test_plants_below_a_taxon_in_one_query(self, db, django_assert_num_queries):
        genus = factories.genus_chain()
        other = factories.genus_chain(family="Otheraceae", genus="Otheria")
        mine = factories.make_plants(3, genus=genus)
        factories.make_plants(2, genus=other)
        family = genus.parent
        with django_assert_num_queries(1):
            below = list(PlantProfile.objects.below(family))
        assert sorted(p.pk for p in below) == sorted(p.pk for p in mine)
        kingdom = family.parent
        assert PlantProfile.objects.below(kingdom).count() == 5


@pytest.mark.django_db
class TestProfileValidation:
    def test_zone_min_above_max_is_refused_with_message(self):
        profile = factories.plant()
        profile.zone_min, profile.zone_max = 16, 7
        with pytest.raises(ValidationError) as excinfo:
            profile.full_clean()
        assert excinfo.value.message_dict["zone_max"] == [
            "The warmest zone (4a) is colder than the coldest zone (8b). Swap them or correct one."
        ]

    def test_a_cold_limit_alone_is_accepted_a_warm_one_alone_is_not(self):
        # USDA PLANTS gives only the lowest temperature a plant takes: the import sets zone_min alone.
        profile = factories.plant()
        profile.zone_min, profile.zone_max = 7, None
        profile.full_clean()
        profile.zone_min, profile.zone_max = None, 16
        with pytest.raises(ValidationError) as excinfo:
            profile.full_clean()
        assert excinfo.value.message_dict["zone_min"] == ["Give the coldest zone too, or leave both empty."]

    def test_zone_range_is_a_database_constraint(self):
        profile = factories.plant()
        with pytest.raises(IntegrityError), transaction.atomic():
            PlantProfile.objects.filter(pk=profile.pk).update(zone_min=20, zone_max=3)

    def test_zone_outside_scale_is_refused(self):
        profile = factories.plant()
        profile.zone_max = 27
        with pytest.raises(ValidationError) as excinfo:
            profile.full_clean()
        assert "zone_max" in excinfo.value.message_dict
        with pytest.raises(IntegrityError), transaction.atomic():
            PlantProfile.objects.filter(pk=profile.pk).update(zone_max=27)

    @pytest.mark.parametrize("symbol", ["hepam2", "H", "HEPAM2!", "2HEPAM", "TOOLONGSYMBOL"])
    def test_bad_usda_symbol_is_refused(self, symbol):
        profile = factories.plant()
        profile.usda_symbol = symbol
        with pytest.raises(ValidationError) as excinfo:
            profile.full_clean()
        assert any(
            "A USDA symbol is 2 to 8 capital letters" in m for m in excinfo.value.message_dict["usda_symbol"]
        )

    def test_usda_symbol_is_unique(self):
        first = factories.plant()
        second = factories.plant()
        with pytest.raises(IntegrityError), transaction.atomic():
            PlantProfile.objects.filter(pk=second.pk).update(usda_symbol=first.usda_symbol)

    def test_profile_must_describe_a_species_or_below(self):
        profile = factories.plant()
        profile.taxon = profile.taxon.parent
        with pytest.raises(ValidationError, match="species, subspecies, variety or forma"):
            profile.full_clean(validate_unique=False)

    def test_malformed_conservation_rank_is_refused(self):
        from plants.models import ConservationStatus

        status = ConservationStatus(profile=factories.plant(), scope="global", rank="G7")
        with pytest.raises(ValidationError) as excinfo:
            status.full_clean()
        assert "rank" in excinfo.value.message_dict

    def test_taxon_with_profile_cannot_be_deleted(self):
        from django.db.models import ProtectedError

        profile = factories.plant()
        with pytest.raises(ProtectedError):
            profile.taxon.delete()


@pytest.mark.django_db
def test_published_hides_drafts_and_scheduled(db):
    import datetime

    from django.utils import timezone

    live = factories.plant()
    factories.plant(status="draft")
    factories.plant(published_at=timezone.now() + datetime.timedelta(days=1))
    past = factories.plant(published_at=timezone.now() - datetime.timedelta(days=1))
    assert set(PlantProfile.objects.live()) == {live, past}


@pytest.mark.django_db
def test_featured_plants_are_those_with_an_article_or_growing_data_newest_first(
    db, django_assert_num_queries
):
    import datetime

    from django.utils import timezone

    from plants.models import ArticleSection

    with_article = factories.make_plants(3)
    with_data = factories.make_plants(3, usda={"has_characteristics": True, "flower_color": "blue"})
    bare = factories.make_plants(3)
    ArticleSection.objects.filter(profile__in=with_data + bare).delete()
    # Updated in turn, a minute apart: the newest is a bare stub, then the kinds alternate.
    order = [bare[0], with_data[0], with_article[0], bare[1], with_data[1], with_article[1]]
    order += [with_data[2], with_article[2], bare[2]]
    start = timezone.now()
    for minutes, profile in enumerate(order):
        PlantProfile.objects.filter(pk=profile.pk).update(
            updated_at=start - datetime.timedelta(minutes=minutes)
        )

    newest = PlantProfile.objects.live().featured().order_by("-updated_at", "-pk")
    with django_assert_num_queries(1):
        assert list(newest[:4]) == [with_data[0], with_article[0], with_data[1], with_article[1]]
    assert list(newest) == [p for p in order if p not in bare]
