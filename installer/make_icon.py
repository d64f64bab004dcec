"""Draw Lotse's icon: resources/icons/lotse.png (256 px) and lotse.ico (16–256 px).

The mark is signal flag H of the international code – white and red, "I have a pilot on
board", the Lotse at the counter – on its pole, on a navy rounded square, so that it stays
visible on light and dark taskbars. Run once after changing the design, commit both files:

    .venv/bin/python installer/make_icon.py
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
NAVY, WHITE, RED = QColor("#12355b"), QColor("#ffffff"), QColor("#d7263d")
POLE = QColor("#9db7d5")
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    tile = QPainterPath()
    tile.addRoundedRect(QRectF(0, 0, size, size), size * 0.2, size * 0.2)
    painter.fillPath(tile, NAVY)
    painter.fillRect(QRectF(size * 0.2, size * 0.16, size * 0.07, size * 0.7), POLE)
    flag = QRectF(size * 0.27, size * 0.18, size * 0.54, size * 0.42)
    half = flag.width() / 2
    painter.fillRect(QRectF(flag.left(), flag.top(), half, flag.height()), WHITE)
    painter.fillRect(QRectF(flag.left() + half, flag.top(), half, flag.height()), RED)
    painter.end()
    return image


def as_pil(image: QImage) -> Image.Image:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("RGBA")


def main() -> int:
    application = QGuiApplication(sys.argv)  # QPainter needs it for anything but bitmaps
    ICONS.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(ICONS / "lotse.png"))
    # Each size drawn on its own pixel grid: sharper at 16 px than one image scaled down.
    largest, *smaller = [as_pil(draw(size)) for size in reversed(ICO_SIZES)]
    largest.save(ICONS / "lotse.ico", sizes=[(s, s) for s in ICO_SIZES], append_images=smaller)
    del application
    return 0


if __name__ == "__main__":
    sys.exit(main())
