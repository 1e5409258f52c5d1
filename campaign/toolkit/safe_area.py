"""The automatic version of a size that has no designed artwork: the editor's safe area (Wagtail's
focal point, labelled "Safe area" in the image editor) always stays whole. When the safe area fits
the size's shape the artwork is cropped around it; otherwise the whole artwork is fitted onto a
background colour, so no text or hotline inside the safe area is ever cut."""

import math
from collections import Counter
from dataclasses import dataclass

from PIL import Image as PILImage
from wagtail.images.image_operations import FilterOperation
from willow.plugins.pillow import PillowImage

# The background colour argument that asks for the colour of the artwork's edge.
EDGE_COLOUR = "edge"

Box = tuple[int, int, int, int]  # left, top, right, bottom in pixels


@dataclass(frozen=True)
class Layout:
    """Where the source goes in the output: the part of it kept, its size once scaled, and the
    offset of that scaled part on the background (zero when it fills the whole size)."""

    crop: Box
    scaled: tuple[int, int]
    offset: tuple[int, int]

    @property
    def fills(self) -> bool:
        return self.offset == (0, 0)


def layout_for(source: tuple[int, int], safe: Box | None, target: tuple[int, int]) -> Layout:
    """Crop around the safe area when a crop of the target's shape can hold it, else fit all."""
    width, height = source
    target_width, target_height = target
    left, top, right, bottom = safe or (0, 0, width, height)
    # The largest crop of the target's shape that lies inside the source.
    crop_width = min(width, math.floor(height * target_width / target_height))
    crop_height = min(height, math.floor(crop_width * target_height / target_width))
    if crop_width >= right - left and crop_height >= bottom - top:
        x = _place(left, right, crop_width, width)
        y = _place(top, bottom, crop_height, height)
        return Layout((x, y, x + crop_width, y + crop_height), target, (0, 0))
    scale = min(target_width / width, target_height / height)
    scaled = (max(1, round(width * scale)), max(1, round(height * scale)))
    offset = ((target_width - scaled[0]) // 2, (target_height - scaled[1]) // 2)
    return Layout((0, 0, width, height), scaled, offset)


def _place(start: int, end: int, length: int, limit: int) -> int:
    """The start of a span of `length` centred on [start, end], inside [0, limit], covering it."""
    centred = round((start + end - length) / 2)
    return min(max(centred, end - length, 0), start, limit - length)


def safe_box(image, size: tuple[int, int]) -> Box | None:
    """The image's safe area in pixels of a file of `size`, rounded outwards; None if unset."""
    focal = image.get_focal_point()
    if focal is None:
        return None
    sx, sy = size[0] / image.width, size[1] / image.height
    return (
        max(0, math.floor(focal.left * sx)),
        max(0, math.floor(focal.top * sy)),
        min(size[0], math.ceil(focal.right * sx)),
        min(size[1], math.ceil(focal.bottom * sy)),
    )


def edge_colour(picture: PILImage.Image) -> tuple[int, int, int]:
    """The commonest colour along the artwork's outer edge: the natural colour to extend it."""
    rgb = picture.convert("RGB")
    width, height = rgb.size
    edge = [rgb.getpixel((x, y)) for x in range(width) for y in (0, height - 1)]
    edge += [rgb.getpixel((x, y)) for y in range(height) for x in (0, width - 1)]
    return Counter(edge).most_common(1)[0][0]


def parse_colour(value: str) -> tuple[int, int, int]:
    value = value.removeprefix("#")
    if len(value) != 6:
        raise ValueError(f"Expected a colour as six hexadecimal digits, got {value!r}")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def render(picture: PILImage.Image, layout: Layout, size, colour) -> PILImage.Image:
    part = picture.crop(layout.crop).resize(layout.scaled, PILImage.Resampling.LANCZOS)
    if layout.fills:
        return part
    canvas = PILImage.new("RGB", size, colour)
    part = part.convert("RGBA")
    canvas.paste(part, layout.offset, part)
    return canvas


class SafeAreaOperation(FilterOperation):
    """`safearea-WxH-RRGGBB` (or `-edge`): exactly W×H pixels with the safe area whole."""

    vary_fields = ("focal_point_width", "focal_point_height", "focal_point_x", "focal_point_y")

    def construct(self, size, background=EDGE_COLOUR):
        width, height = size.split("x")
        self.size = (int(width), int(height))
        self.background = None if background == EDGE_COLOUR else parse_colour(background)

    def run(self, willow, image, env):
        picture = willow.get_pillow_image()
        layout = layout_for(picture.size, safe_box(image, picture.size), self.size)
        colour = self.background or edge_colour(picture)
        return PillowImage(render(picture, layout, self.size, colour))


def safe_area_spec(width: int, height: int, background: str, image_format: str) -> str:
    """The rendition spec of an automatic version in one format."""
    colour = background.removeprefix("#").lower() or EDGE_COLOUR
    return f"safearea-{width}x{height}-{colour}|format-{image_format}"
