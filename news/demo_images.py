"""Illustrations for the demo articles, drawn with Pillow like ``core.demo_images``."""

import io
import math

from PIL import Image, ImageDraw

from hanoi_creative.core.demo_images import BLUE, CREAM, GOLD, GREEN, HEIGHT, INK, VERMILION, WIDTH


def _transport(draw):
    draw.rectangle((0, 0, WIDTH, HEIGHT), fill=GREEN)
    for lane in range(3):
        offset = lane * 220
        points = [(x, 300 + offset + 90 * math.sin(x / 260)) for x in range(0, WIDTH + 40, 40)]
        draw.line(points, fill=INK, width=150)
        for x in range(0, WIDTH, 160):
            draw.line(
                (
                    (x, 300 + offset + 90 * math.sin(x / 260)),
                    (x + 70, 300 + offset + 90 * math.sin((x + 70) / 260)),
                ),
                fill=GOLD,
                width=12,
            )


def _urban(draw):
    draw.rectangle((0, 0, WIDTH, HEIGHT), fill="#9cc3e6")
    colours = [VERMILION, GOLD, CREAM, GREEN, "#d98c5f", BLUE]
    left = 0
    for i in range(16):
        width = 80 + (i * 37) % 60
        top = 260 + (i * 97) % 300
        draw.rectangle(
            (left, top, left + width, HEIGHT), fill=colours[i % len(colours)], outline=INK, width=4
        )
        for row in range(top + 30, HEIGHT - 40, 70):
            draw.rectangle((left + 18, row, left + width - 18, row + 34), fill=INK)
        left += width + 6


def _entertainment(draw):
    draw.rectangle((0, 0, WIDTH, HEIGHT), fill=INK)
    for i, colour in enumerate([GOLD, VERMILION, GOLD, VERMILION]):
        x = 250 + i * 370
        draw.polygon([(x, 0), (x - 260, HEIGHT - 180), (x + 260, HEIGHT - 180)], fill=colour)
    draw.rectangle((0, HEIGHT - 180, WIDTH, HEIGHT), fill="#5b3a29")


def _business(draw):
    draw.rectangle((0, 0, WIDTH, HEIGHT), fill=CREAM)
    for i in range(8):
        height = 120 + i * 80
        left = 160 + i * 165
        draw.rectangle((left, 800 - height, left + 110, 800), fill=BLUE if i % 2 else GREEN)
    draw.line([(215 + i * 165, 740 - 120 - i * 80) for i in range(8)], fill=VERMILION, width=16)


def _culture(draw):
    draw.rectangle((0, 0, WIDTH, HEIGHT), fill="#3d1f2b")
    for row, y in enumerate((220, 520)):
        draw.line(((0, y - 140), (WIDTH, y - 100)), fill=CREAM, width=4)
        for i in range(7):
            x = 140 + i * 220 + row * 110
            colour = VERMILION if (i + row) % 2 else GOLD
            draw.line(((x, y - 140), (x, y - 90)), fill=CREAM, width=4)
            draw.ellipse((x - 70, y - 90, x + 70, y + 90), fill=colour)
            draw.rectangle((x - 40, y + 80, x + 40, y + 100), fill=INK)


def _meeting(draw):
    draw.rectangle((0, 0, WIDTH, HEIGHT), fill=CREAM)
    draw.rectangle((0, 0, WIDTH, 260), fill=VERMILION)
    for x in range(200, WIDTH, 300):
        draw.ellipse((x - 50, 300, x + 50, 400), fill=GOLD)
    draw.rectangle((420, 560, 1180, 640), fill="#8a5a3b")
    for cx, colour in ((470, BLUE), (1130, INK)):
        draw.ellipse((cx - 70, 330, cx + 70, 470), fill="#e0b48a")
        draw.rounded_rectangle((cx - 120, 470, cx + 120, 760), radius=60, fill=colour)


PAINTERS = {
    "transport": _transport,
    "urban": _urban,
    "entertainment": _entertainment,
    "business": _business,
    "culture": _culture,
    "meeting": _meeting,
}


def draw_png(name):
    """Return PNG bytes of the illustration called ``name``."""
    image = Image.new("RGB", (WIDTH, HEIGHT))
    PAINTERS[name](ImageDraw.Draw(image))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
