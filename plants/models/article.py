"""The article's own text: its sections in order, and its planting and care tips."""

from django.db import models

from plants import vocabulary

from .choices import text_choices
from .parts import ProfilePart


class ArticleSection(ProfilePart):
    """One headed section of a plant's article, in reading order.

    `shows` names the structured block (garden uses, growing conditions...)
    that the page draws after the section's text, so the article keeps its
    order without the page having to re-parse prose.
    """

    Block = text_choices("ArticleSection.Block", vocabulary.SECTION_BLOCKS, __name__)

    natural_key_fields = ("order",)

    profile = models.ForeignKey("plants.PlantProfile", on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField()
    heading = models.CharField(max_length=200)
    body = models.TextField(blank=True, help_text="Paragraphs separated by a blank line.")
    shows = models.CharField(
        max_length=30,
        choices=Block.choices,
        blank=True,
        help_text="Structured content shown after this section's text.",
    )

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "order"], name="articlesection_unique_order"),
        ]

    def __str__(self):
        return self.heading


class CareTip(ProfilePart):
    """One planting or care tip; tips are shown in order, labelled by category."""

    Category = text_choices("CareTip.Category", vocabulary.CARE_TIP_CATEGORIES, __name__)

    natural_key_fields = ("order",)

    profile = models.ForeignKey("plants.PlantProfile", on_delete=models.CASCADE, related_name="care_tips")
    order = models.PositiveSmallIntegerField()
    category = models.CharField(max_length=20, choices=Category.choices)
    text = models.TextField()

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "order"], name="caretip_unique_order"),
        ]

    def __str__(self):
        return self.text
