"""StreamField blocks shared by the site's pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

BLOCK_TEMPLATES = "components/streamfield/blocks"


class LinkStructValue(blocks.StructValue):
    """Resolves a block's link to one URL, whether an editor chose a page or typed an address."""

    @property
    def url(self) -> str:
        page = self.get("page")
        if page:
            return page.url
        return self.get("external_url") or ""


class CaptionedImageBlock(blocks.StructBlock):
    """An image with a caption; the credit comes from the image unless overridden here."""

    image = ImageChooserBlock(help_text="The image's alt text is set in the image library.")
    caption = blocks.CharBlock(required=False, help_text="A sentence shown below the image.")
    credit = blocks.CharBlock(required=False, help_text="Leave empty to use the image's credit.")

    class Meta:
        icon = "image"
        label = "Image"
        template = f"{BLOCK_TEMPLATES}/image_block.html"


def fact_in_language(fact, page=None):
    """`fact` in the page's language (the active language without a page), else `fact` itself."""
    if fact is None:
        return None
    locale_id = getattr(page, "locale_id", None)
    if locale_id is None:
        return fact.localized
    if fact.locale_id == locale_id:
        return fact  # no query where the page and the fact share a language, the usual case
    return fact.get_translation_or_none(locale_id) or fact


class FactBlock(blocks.StructBlock):
    """A fact from the facts library, shown with its figure, claim and source, in the language of
    the page it stands on: a Spanish page copied from an English one still points at the English
    fact, so the block shows that fact's Spanish translation, or the English fact when it has none.
    """

    fact = SnippetChooserBlock("core.Fact")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["fact"] = fact_in_language(value.get("fact"), (parent_context or {}).get("page"))
        return context

    class Meta:
        icon = "info-circle"
        label = "Fact"
        template = f"{BLOCK_TEMPLATES}/fact_block.html"


class QuoteBlock(blocks.StructBlock):
    """A quotation with the speaker and role. Quote real people only from what they said."""

    quote = blocks.TextBlock()
    speaker = blocks.CharBlock(help_text="Who said it.")
    role = blocks.CharBlock(required=False, help_text="Their title and organisation.")

    class Meta:
        icon = "openquote"
        label = "Quote"
        template = f"{BLOCK_TEMPLATES}/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    """A short appeal with one button, linking to a page of the site or another address."""

    heading = blocks.CharBlock()
    text = blocks.TextBlock(required=False)
    button_label = blocks.CharBlock(help_text="What the button says, e.g. 'Take the pledge'.")
    page = blocks.PageChooserBlock(required=False, help_text="Link to a page of this site ...")
    external_url = blocks.URLBlock(required=False, help_text="... or to another address.")

    class Meta:
        icon = "pick"
        label = "Call to action"
        template = f"{BLOCK_TEMPLATES}/call_to_action_block.html"
        value_class = LinkStructValue


class DocumentDownloadBlock(blocks.StructBlock):
    """A document to download, such as a report or testimony."""

    document = DocumentChooserBlock()
    title = blocks.CharBlock(required=False, help_text="Leave empty to use the document's title.")
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "doc-full"
        label = "Document download"
        template = f"{BLOCK_TEMPLATES}/document_block.html"


class FAQItemBlock(blocks.StructBlock):
    """One question and its answer."""

    question = blocks.CharBlock()
    answer = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "help"


class AccordionBlock(blocks.StructBlock):
    """Questions and answers that open one at a time (native <details>, no script)."""

    heading = blocks.CharBlock(required=False)
    items = blocks.ListBlock(FAQItemBlock())

    class Meta:
        icon = "list-ul"
        label = "Accordion / FAQ"
        template = f"{BLOCK_TEMPLATES}/accordion_block.html"


AUDIENCES = [
    ("visitor", _("Anyone")),
    ("leader", _("Local and state leaders")),
    ("officer", _("Law enforcement")),
    ("lawmaker", _("Lawmakers")),
]


class AudienceActionValue(LinkStructValue):
    @property
    def audience_label(self) -> str:
        return dict(AUDIENCES).get(self.get("audience"), "")


class AudienceActionBlock(blocks.StructBlock):
    """What one kind of reader can do for a goal, with an optional link."""

    audience = blocks.ChoiceBlock(choices=AUDIENCES)
    heading = blocks.CharBlock()
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])
    link_label = blocks.CharBlock(required=False)
    page = blocks.PageChooserBlock(required=False)
    external_url = blocks.URLBlock(required=False)

    class Meta:
        icon = "user"
        label = "Action for an audience"
        template = f"{BLOCK_TEMPLATES}/audience_action_block.html"
        value_class = AudienceActionValue


class HelpBlock(blocks.StructBlock):
    """Where to get help or report a tip: a few words, then the hotline's number, text line and
    hours from the site settings, so every help block carries the number and none goes stale."""

    heading = blocks.CharBlock(
        required=False, help_text="Leave empty for “Get help or report a tip”."
    )
    text = blocks.RichTextBlock(
        required=False,
        features=["bold", "italic", "link"],
        help_text="Anything to say before the number; the hotline's details follow by themselves.",
    )

    class Meta:
        icon = "help"
        label = "Get help (with the hotline)"
        template = f"{BLOCK_TEMPLATES}/help_block.html"


RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ul", "ol"]


class BodyStreamBlock(blocks.StreamBlock):
    """The blocks a general content page is built from."""

    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = CaptionedImageBlock()
    fact = FactBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentDownloadBlock()
    embed = EmbedBlock(
        icon="media",
        help_text="A video or post by its URL.",
        template=f"{BLOCK_TEMPLATES}/embed_block.html",
    )
    accordion = AccordionBlock()
    help = HelpBlock()
