from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page
from wagtail.search import index

from ..forms.pages import ArticlePageForm


class HomePage(Page):
    """The platform's front door."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    # Children restrict themselves with parent_page_types; the community names no other app.
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_articles"] = (
            ArticlePage.objects.live().public().order_by("-date", "-pk").select_related("author_image")[:3]
        )
        return context


class ArticleIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["community.HomePage"]
    subpage_types = ["community.ArticlePage"]

    class Meta:
        verbose_name = _("article index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = (
            ArticlePage.objects.live().public().child_of(self).order_by("-date", "-pk")
            .prefetch_related("tags")
        )
        tag = request.GET.get("tag", "").strip()
        if tag:
            articles = articles.filter(tags__name__iexact=tag)
        context["tag"] = tag
        context["page_obj"] = Paginator(articles, 10).get_page(request.GET.get("page"))
        context["all_tags"] = ArticlePageTag.tags_in_use()
        return context


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "community.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )

    @classmethod
    def tags_in_use(cls):
        from taggit.models import Tag

        return Tag.objects.filter(community_articlepagetag_items__isnull=False).distinct().order_by("name")


class ArticleBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), form_classname="title", icon="title")
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=["bold", "italic", "link", "ol", "ul", "h3", "h4"]
    )
    image = blocks.StructBlock(
        [
            ("image", ImageChooserBlock(label=_("Image"))),
            ("alt_text", blocks.CharBlock(label=_("Alternative text"), required=True)),
            ("caption", blocks.CharBlock(label=_("Caption"), required=False)),
        ],
        label=_("Image"),
        icon="image",
        template="blocks/image_block.html",
    )
    quote = blocks.BlockQuoteBlock(label=_("Quote"))


class ArticlePage(Page):
    date = models.DateField(_("date"))
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    author_name = models.CharField(
        _("author name"), max_length=200, blank=True, help_text=_("Shown when no author is chosen.")
    )
    author_image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("image"),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tags"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("author"),
        FieldPanel("author_name"),
        FieldPanel("author_image"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["community.ArticleIndexPage"]
    subpage_types = []
    base_form_class = ArticlePageForm

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    @property
    def byline(self):
        return str(self.author) if self.author_id else self.author_name
