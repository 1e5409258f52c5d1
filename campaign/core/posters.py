"""Campaign posters drawn with Pillow, so a fresh site has real images without any download."""

from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

PALETTES = {
    "plum": ("#3d0f4b", "#ffd23f", "#ffffff"),
    "red": ("#b3122b", "#ffffff", "#ffd23f"),
    "ink": ("#1a1a2e", "#ffd23f", "#ffffff"),
    "gold": ("#ffd23f", "#1a1a2e", "#3d0f4b"),
}


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
    slogan: str, tagline: str, palette: str = "plum", size: tuple[int, int] = (1600, 1000)
) -> bytes:
    """Return a PNG poster: the slogan large, a tagline, and the campaign's name and hotline."""
    background, headline_colour, text_colour = PALETTES[palette]
    width, height = size
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    margin = width // 12
    draw.rectangle([0, height - height // 7, width, height], fill=headline_colour)
    headline = ImageFont.load_default(size=width // 13)
    body = ImageFont.load_default(size=width // 36)
    y = margin
    for line in _wrap(draw, slogan, headline, width - 2 * margin):
        draw.text((margin, y), line, font=headline, fill=headline_colour)
        y += int(headline.size * 1.15)
    y += margin // 3
    for line in _wrap(draw, tagline, body, width - 2 * margin):
        draw.text((margin, y), line, font=body, fill=text_colour)
        y += int(body.size * 1.4)
    footer = ImageFont.load_default(size=width // 40)
    draw.text(
        (margin, height - height // 7 + height // 28),
        "END DEMAND CT  ·  Hotline 1-888-373-7888",
        font=footer,
        fill=background,
    )
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
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
