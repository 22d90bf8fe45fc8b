"""Render the application icon: resources/icons/mmtracker.svg → mmtracker.png (256×256).

    python packaging/render_icon.py

Run it again after editing the SVG and commit both files. Qt's own SVG renderer
draws it, offscreen, so the PNG looks as the running application would draw the SVG.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZE = 256


def render(svg: Path, png: Path, size: int = SIZE) -> None:
    """Draw ``svg`` onto a transparent ``size``×``size`` image and save it as ``png``."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not an SVG file Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(png), "PNG"):
        raise SystemExit(f"{png}: could not be written")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    png = ICONS / "mmtracker.png"
    render(ICONS / "mmtracker.svg", png)
    sys.stdout.write(f"wrote {png} ({SIZE}×{SIZE})\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
