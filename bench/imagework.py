"""One side of the image comparison, run in a fresh process so its peak memory is its own:
`python -m bench.imagework wagtail|pillow IMAGE_ID OUTDIR` prints JSON.

Both sides set up Django first, so the baseline is the same; the peak is then reset
(/proc/self/clear_refs) and the reported memory is the peak above the resident size before the
work began."""

import json
import sys
import time
from pathlib import Path

import django
from PIL import Image


def rss_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def wagtail_side(image, presets, formats, outdir: Path) -> int:
    """Every preset in every format through Wagtail's renditions, as the toolkit makes them."""
    for preset in presets.values():
        for file_format in formats.values():
            image.get_rendition(preset.filter_spec(file_format.image_format))
    return image.renditions.count()


# What Wagtail 8 passes to Willow/Pillow for each format (wagtail/images/models.py).
SAVE_OPTIONS = {
    "jpeg": {"quality": 76, "progressive": True, "optimize": True},
    "png": {"optimize": True},
    "webp": {"quality": 80},
    "avif": {"quality": 61},
}


def pillow_side(image, presets, formats, outdir: Path) -> int:
    """The same crops and resizes with Pillow directly: open, crop to the preset's shape around
    the focal point (or the centre), resize with Lanczos, save."""
    written = 0
    focal = image.get_focal_point()
    for preset in presets.values():
        for file_format in formats.values():
            with Image.open(image.file.path) as source:
                source.load()
                width, height = source.size
                scale = min(width / preset.width, height / preset.height)
                crop_w, crop_h = preset.width * scale, preset.height * scale
                cx, cy = (focal.centroid.x, focal.centroid.y) if focal else (width / 2, height / 2)
                left = min(max(cx - crop_w / 2, 0), width - crop_w)
                top = min(max(cy - crop_h / 2, 0), height - crop_h)
                box = (round(left), round(top), round(left + crop_w), round(top + crop_h))
                result = source.crop(box).resize(
                    (preset.width, preset.height), Image.Resampling.LANCZOS
                )
                if file_format.image_format == "jpeg" and result.mode != "RGB":
                    result = result.convert("RGB")
                target = outdir / f"{preset.key}.{file_format.extension}"
                result.save(
                    target,
                    file_format.image_format.upper(),
                    **SAVE_OPTIONS[file_format.image_format],
                )
                written += 1
    return written


def main() -> None:
    side, image_id, outdir = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    django.setup()
    # Models and the cache can only be imported once Django is set up.
    from django.core.cache import cache

    from campaign.core.models import CampaignImage
    from campaign.toolkit.presets import FORMATS, PRESETS

    image = CampaignImage.objects.get(pk=image_id)
    image.renditions.all().delete()
    cache.clear()  # the bench's own Redis database: no cached rendition may answer
    outdir.mkdir(parents=True, exist_ok=True)
    work = wagtail_side if side == "wagtail" else pillow_side
    Path("/proc/self/clear_refs").write_text("5")
    before = rss_kib("VmRSS")
    start = time.perf_counter()
    files = work(image, PRESETS, FORMATS, outdir)
    seconds = time.perf_counter() - start
    peak = rss_kib("VmHWM")
    print(
        json.dumps(
            {
                "side": side,
                "files": files,
                "seconds": seconds,
                "peak_above_start_mb": (peak - before) / 1024,
                "peak_rss_mb": peak / 1024,
            }
        )
    )


if __name__ == "__main__":
    main()
