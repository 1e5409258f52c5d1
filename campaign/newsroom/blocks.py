"""The blocks a press release body is built from: the shape wire services and editors expect."""

from wagtail import blocks

from campaign.core.blocks import (
    CaptionedImageBlock,
    DocumentDownloadBlock,
    FactBlock,
    QuoteBlock,
)

RELEASE_TEXT_FEATURES = ["bold", "italic", "link", "document-link"]


class HighlightsBlock(blocks.StructBlock):
    """A short list of key points, e.g. 'Some highlights of the report are:'."""

    heading = blocks.CharBlock(required=False, help_text="The sentence introducing the list.")
    items = blocks.ListBlock(
        blocks.RichTextBlock(features=RELEASE_TEXT_FEATURES), help_text="One point per item."
    )

    class Meta:
        icon = "list-ul"
        label = "Bullet highlights"
        template = "newsroom/components/highlights_block.html"


class PressReleaseBodyBlock(blocks.StreamBlock):
    """Paragraphs, quotes with speaker and role, bullet highlights, facts, images and downloads."""

    paragraph = blocks.RichTextBlock(features=["h2", *RELEASE_TEXT_FEATURES], icon="pilcrow")
    quote = QuoteBlock()
    highlights = HighlightsBlock()
    fact = FactBlock()
    image = CaptionedImageBlock()
    document = DocumentDownloadBlock()
