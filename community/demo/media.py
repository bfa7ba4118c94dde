"""Demo images and PDFs made on the spot (Pillow, fpdf2), filed in the hub's collections.

Idempotent: an image or document with the same title is reused, never made twice.
"""

import io
import random

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from ..wagtail_groups import hub_collection

PALETTES = [
    ((18, 52, 86), (241, 143, 1), (255, 255, 255)),
    ((34, 87, 64), (250, 200, 60), (240, 240, 230)),
    ((90, 30, 70), (70, 180, 200), (250, 250, 250)),
    ((40, 40, 48), (220, 80, 60), (230, 230, 230)),
]


def _picture(seed: int, size=(1200, 675)) -> bytes:
    """A workshop-like scene: a floor, a workbench, tools and a window, in one palette."""
    rng = random.Random(seed)  # noqa: S311 (demo pictures, not security)
    back, accent, light = PALETTES[seed % len(PALETTES)]
    width, height = size
    image = Image.new("RGB", size, back)
    draw = ImageDraw.Draw(image)
    for y in range(height):  # a soft vertical gradient
        shade = int(40 * y / height)
        draw.line([(0, y), (width, y)], fill=tuple(min(255, c + shade) for c in back))
    draw.rectangle([0, int(height * 0.72), width, height], fill=tuple(max(0, c - 20) for c in back))
    draw.rectangle([int(width * 0.62), int(height * 0.12), int(width * 0.9), int(height * 0.45)], fill=light)
    draw.line([(int(width * 0.76), int(height * 0.12)), (int(width * 0.76), int(height * 0.45))], fill=back, width=8)
    bench_top = int(height * 0.6)
    draw.rectangle([int(width * 0.08), bench_top, int(width * 0.7), bench_top + 24], fill=accent)
    for x in (0.1, 0.66):
        draw.rectangle([int(width * x), bench_top, int(width * x) + 20, int(height * 0.9)], fill=accent)
    for _ in range(6):  # tools and parts on the bench
        x = rng.randint(int(width * 0.1), int(width * 0.62))
        w, h = rng.randint(30, 110), rng.randint(20, 90)
        colour = light if rng.random() < 0.5 else tuple(255 - c for c in accent)
        if rng.random() < 0.5:
            draw.ellipse([x, bench_top - h, x + w, bench_top], fill=colour)
        else:
            draw.rectangle([x, bench_top - h, x + w, bench_top], fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def _portrait(seed: int, size=(400, 400)) -> bytes:
    rng = random.Random(seed)  # noqa: S311 (demo pictures, not security)
    back, accent, light = PALETTES[seed % len(PALETTES)]
    image = Image.new("RGB", size, light)
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.ellipse([w * 0.3, h * 0.14, w * 0.7, h * 0.54], fill=(rng.randint(150, 230), rng.randint(110, 180), 120))
    draw.ellipse([w * 0.12, h * 0.6, w * 0.88, h * 1.3], fill=accent)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def demo_image(title: str, *, collection: str, seed: int, portrait=False, description=""):
    Image_ = get_image_model()
    image = Image_.objects.filter(title=title).first()
    if image is None:
        data, ext = (_portrait(seed), "png") if portrait else (_picture(seed), "jpg")
        image = Image_(
            title=title, collection=hub_collection(collection), description=description,
            file=ImageFile(io.BytesIO(data), name=f"demo-{seed}.{ext}"),
        )
        image.save()
    return image


def _latin1(text: str) -> str:
    # fpdf2's built-in fonts cover Latin-1 only (é and ë are fine, dashes and quotes are not).
    for fancy, plain in (("–", "-"), ("—", "-"), ("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"')):
        text = text.replace(fancy, plain)
    return text.encode("latin-1", "replace").decode("latin-1")


def programme_pdf(title: str, lines: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.set_author("TechniekHub")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(0, 10, _latin1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.multi_cell(0, 7, _latin1(line), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def demo_document(title: str, filename: str, *, collection: str, lines: list[str]):
    Document = get_document_model()
    doc = Document.objects.filter(title=title).first()
    if doc is None:
        doc = Document(title=title, collection=hub_collection(collection))
        doc.file.save(filename, ContentFile(programme_pdf(title, lines)), save=False)
        doc.save()
    return doc
