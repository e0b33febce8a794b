"""Small illustrations drawn with Pillow, so the demo pages are not bare."""

import io
import math

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1600, 900
VERMILION, GOLD, GREEN, BLUE, CREAM, INK = "#c0392b", "#e0a526", "#2e7d5b", "#1f4e79", "#f6efe2", "#2b2b2b"


def _network(draw):
    draw.rectangle((0, 0, WIDTH, HEIGHT), fill=BLUE)
    points = [(200 + (i * 173) % 1200, 150 + (i * 311) % 600) for i in range(18)]
    for i, a in enumerate(points):
        for b in points[i + 1 : i + 4]:
            draw.line((a, b), fill="#8fb3d9", width=4)
    for x, y in points:
        draw.ellipse((x - 26, y - 26, x + 26, y + 26), fill=GOLD, outline=CREAM, width=6)


def _designation(draw):
    draw.rectangle((0, 0, WIDTH, HEIGHT), fill=CREAM)
    cx, cy = WIDTH // 2, HEIGHT // 2
    for i in range(24):
        angle = i * math.pi / 12
        colour = VERMILION if i % 2 else GOLD
        end = (cx + 700 * math.cos(angle), cy + 700 * math.sin(angle))
        draw.line(((cx, cy), end), fill=colour, width=28)
    draw.ellipse((cx - 190, cy - 190, cx + 190, cy + 190), fill=VERMILION, outline=GOLD, width=18)


def _pillars(draw):
    draw.rectangle((0, 0, WIDTH, HEIGHT), fill=CREAM)
    draw.rectangle((120, 780, WIDTH - 120, 820), fill=INK)
    for i, (height, colour) in enumerate([(420, GREEN), (560, VERMILION), (480, BLUE)]):
        left = 330 + i * 360
        draw.rectangle((left, 780 - height, left + 220, 780), fill=colour)
        draw.rectangle((left - 30, 780 - height - 40, left + 250, 780 - height), fill=GOLD)


def _home(draw):
    draw.rectangle((0, 0, WIDTH, HEIGHT), fill=VERMILION)
    size = 100
    for row in range(HEIGHT // size + 1):
        for col in range(WIDTH // size + 1):
            x, y = col * size, row * size
            colour = GOLD if (row + col) % 3 == 0 else GREEN if (row * col) % 4 == 1 else CREAM
            draw.polygon(
                [
                    (x + size / 2, y + 10),
                    (x + size - 10, y + size / 2),
                    (x + size / 2, y + size - 10),
                    (x + 10, y + size / 2),
                ],
                fill=colour,
            )


PAINTERS = {"network": _network, "designation": _designation, "pillars": _pillars, "home": _home}


def draw_png(name):
    """Return PNG bytes of the illustration called ``name``."""
    image = Image.new("RGB", (WIDTH, HEIGHT))
    PAINTERS[name](ImageDraw.Draw(image))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
