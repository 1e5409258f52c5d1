"""Campaign posters drawn with Pillow, so a fresh site has real images without any download."""

from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

PALETTES = {
    "plum": ("#3d0f4b", "#ffd23f", "#ffffff"),
    "red": ("#b3122b", "#ffffff", "#ffd23f"),
    "ink": ("#1a1a2e", "#ffd23f", "#ffffff"),
    "gold": ("#ffd23f", "#1a1a2e", "#3d0f4b"),
}
HOTLINE = "Hotline 1-888-373-7888"
HOTLINE_SPANISH = "Ayuda en español 1-888-373-7888"

# Pillow's built-in font draws English only (no á, í, ñ): Spanish text uses DejaVu Sans where
# the system has it (Debian's fonts-dejavu-core, which Chromium pulls in).
ACCENTED_FONT = "DejaVuSans.ttf"


def _font(size: int, text: str):
    if not text.isascii():
        try:
            return ImageFont.truetype(ACCENTED_FONT, size)
        except OSError:
            pass
    return ImageFont.load_default(size=size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, max_width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) <= max_width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


def draw_poster(
    slogan: str,
    tagline: str,
    palette: str = "plum",
    size: tuple[int, int] = (1600, 1000),
    hotline: str = HOTLINE,
) -> bytes:
    """Return a PNG poster: the slogan large, a tagline, and the campaign's name and hotline."""
    background, headline_colour, text_colour = PALETTES[palette]
    width, height = size
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    margin = width // 12
    draw.rectangle([0, height - height // 7, width, height], fill=headline_colour)
    headline = _font(width // 13, slogan)
    body = _font(width // 36, tagline)
    y = margin
    for line in _wrap(draw, slogan, headline, width - 2 * margin):
        draw.text((margin, y), line, font=headline, fill=headline_colour)
        y += int(headline.size * 1.15)
    y += margin // 3
    for line in _wrap(draw, tagline, body, width - 2 * margin):
        draw.text((margin, y), line, font=body, fill=text_colour)
        y += int(body.size * 1.4)
    footer = _font(width // 40, hotline)
    draw.text(
        (margin, height - height // 7 + height // 28),
        f"END DEMAND CT  ·  {hotline}",
        font=footer,
        fill=background,
    )
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


# Banners at least this many times wider than tall put the message and the hotline side by side.
BANNER_SHAPE = 3


def _fit(draw, text: str, max_width: int, max_height: int, largest: int, spacing: float = 1.15):
    """The largest font (up to `largest` px) at which the wrapped text fits the box, and its
    lines; never below 10 px."""
    size = largest
    while True:
        font = _font(size, text)
        lines = _wrap(draw, text, font, max_width)
        widest = max(draw.textlength(line, font=font) for line in lines)
        if size <= 10 or (widest <= max_width and len(lines) * size * spacing <= max_height):
            return font, lines
        size -= max(1, size // 12)


def _draw_lines(draw, lines, font, x: int, y: int, fill, spacing: float = 1.15) -> int:
    for line in lines:
        draw.text((x, y), line, font=font, fill=fill)
        y += int(font.size * spacing)
    return y


def draw_artwork(
    slogan: str, tagline: str, palette: str, size: tuple[int, int], hotline: str = HOTLINE
) -> bytes:
    """Return a PNG designed for one exact size: the slogan and the hotline as large as the
    size allows (side by side on banners), the tagline only where it stays readable."""
    background, headline_colour, text_colour = PALETTES[palette]
    width, height = size
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    if width >= BANNER_SHAPE * height:
        pad = height // 8
        split = int(width * 0.62)
        font, lines = _fit(draw, slogan, split - 2 * pad, height - 2 * pad, height // 2)
        block = int(len(lines) * font.size * 1.15)
        _draw_lines(draw, lines, font, pad, (height - block) // 2, headline_colour)
        draw.rectangle([split, 0, width, height], fill=headline_colour)
        font, lines = _fit(draw, hotline, width - split - 2 * pad, height - 2 * pad, height // 3)
        block = int(len(lines) * font.size * 1.15)
        _draw_lines(draw, lines, font, split + pad, (height - block) // 2, background)
    else:
        margin = min(width, height) // 12
        band = max(height // 7, 36)
        inner = width - 2 * margin
        room = height - band - 2 * margin
        font, lines = _fit(draw, slogan, inner, int(room * 0.6), width // 8)
        slogan_height = int(len(lines) * font.size * 1.15)
        body, body_lines = _fit(
            draw, tagline, inner, room - slogan_height, max(min(width, height) // 22, 14), 1.4
        )
        body_height = int(len(body_lines) * body.size * 1.4) + margin // 2
        if width < 600 or slogan_height + body_height > room:
            body_lines, body_height = [], 0  # too small to read: the slogan and hotline only
        y = margin + (room - slogan_height - body_height) // 2
        y = _draw_lines(draw, lines, font, margin, y, headline_colour)
        _draw_lines(draw, body_lines, body, margin, y + margin // 2, text_colour, 1.4)
        draw.rectangle([0, height - band, width, height], fill=headline_colour)
        footer = f"END DEMAND CT  ·  {hotline}" if width >= 600 else hotline
        font, lines = _fit(draw, footer, inner, int(band * 0.7), band // 2)
        block = int(len(lines) * font.size * 1.15)
        _draw_lines(draw, lines, font, margin, height - band + (band - block) // 2, background)
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def draw_fact_sheet_pdf(title: str, paragraphs: list[str]) -> bytes:
    """Return a one-page PDF fact sheet (Letter size at 100 dpi) with wrapped text."""
    width, height = 850, 1100
    page = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(page)
    margin = 70
    heading = ImageFont.load_default(size=34)
    body = ImageFont.load_default(size=18)
    draw.rectangle([0, 0, width, 24], fill=PALETTES["plum"][0])
    y = margin
    for line in _wrap(draw, title, heading, width - 2 * margin):
        draw.text((margin, y), line, font=heading, fill="#1a1a2e")
        y += 44
    y += 16
    for paragraph in paragraphs:
        for line in _wrap(draw, paragraph, body, width - 2 * margin):
            draw.text((margin, y), line, font=body, fill="#1a1a2e")
            y += 26
        y += 14
    buffer = BytesIO()
    page.save(buffer, format="PDF", resolution=100)
    return buffer.getvalue()
