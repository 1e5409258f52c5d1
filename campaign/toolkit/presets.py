"""The sizes and file formats a campaign asset is offered in, cut from the image's focal point."""

from dataclasses import dataclass

from PIL import features


@dataclass(frozen=True)
class Preset:
    key: str
    label: str
    width: int
    height: int

    @property
    def dimensions(self) -> str:
        return f"{self.width}×{self.height}"

    def filter_spec(self, image_format: str) -> str:
        """The Wagtail rendition spec: a focal-point crop to the exact size in one format."""
        return f"exactfill-{self.width}x{self.height}|format-{image_format}"


PRESETS: dict[str, Preset] = {
    preset.key: preset
    for preset in [
        Preset("square", "Square (social posts)", 1080, 1080),
        Preset("link-preview", "Link preview", 1200, 630),
        Preset("story", "Story (phone, portrait)", 1080, 1920),
        Preset("leaderboard", "Leaderboard banner", 728, 90),
        Preset("medium-rectangle", "Medium rectangle banner", 300, 250),
        Preset("wide", "Wide (16:9)", 1600, 900),
    ]
}
DEFAULT_EMBED_PRESET = "medium-rectangle"


@dataclass(frozen=True)
class FileFormat:
    extension: str
    image_format: str
    label: str
    content_type: str


_FORMATS = [
    FileFormat("webp", "webp", "WebP", "image/webp"),
    FileFormat("jpg", "jpeg", "JPEG", "image/jpeg"),
    FileFormat("png", "png", "PNG", "image/png"),
    FileFormat("avif", "avif", "AVIF", "image/avif"),
]


def available_formats() -> dict[str, FileFormat]:
    """The download formats by file extension; AVIF only where this Pillow can write it."""
    avif = features.check("avif")
    return {f.extension: f for f in _FORMATS if f.image_format != "avif" or avif}


FORMATS = available_formats()
