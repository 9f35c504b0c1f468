#!/usr/bin/env python3
"""Draws the FactLens sidebar deck icons (python3 standard library only).

Writes factlens_sidebar.png (24x24) and factlens_sidebar_hc.png (high contrast) into
manifests/icons/: a page of text lines under a magnifying lens. The PNGs are
generated; rerun `python3 extension/sidebar/make_icon.py` after editing shapes.
"""
import math
import os
import struct
import zlib

SIZE = 24
SS = 8  # supersampling per axis


def shapes(hc):
    ink = (0, 0, 0) if not hc else (255, 255, 255)
    paper = (255, 255, 255) if not hc else (0, 0, 0)
    line = (138, 152, 168) if not hc else (255, 255, 255)
    lens = (31, 111, 178) if not hc else (255, 255, 0)
    glass = (255, 242, 168, 0.85) if not hc else (0, 0, 0, 0.0)
    frame = (58, 74, 92) if not hc else ink
    return [
        ("rrect", (2.5, 1.5, 16.5, 19.5, 1.5), frame + (1.0,)),
        ("rrect", (3.5, 2.5, 15.5, 18.5, 0.8), paper + (1.0,)),
        ("rect", (5, 5, 14, 6.5), line + (1.0,)),
        ("rect", (5, 8.5, 14, 10), line + (1.0,)),
        ("rect", (5, 12, 11, 13.5), line + (1.0,)),
        ("disc", (14.5, 13.5, 6.0), lens + (1.0,)),
        ("disc", (14.5, 13.5, 4.0), glass),
        ("capsule", (18.2, 17.2, 21.6, 21.2, 1.5), lens + (1.0,)),
    ]


def inside(kind, g, x, y):
    if kind == "rect":
        x0, y0, x1, y1 = g
        return x0 <= x < x1 and y0 <= y < y1
    if kind == "rrect":
        x0, y0, x1, y1, r = g
        if not (x0 <= x < x1 and y0 <= y < y1):
            return False
        cx = min(max(x, x0 + r), x1 - r)
        cy = min(max(y, y0 + r), y1 - r)
        return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
    if kind == "disc":
        cx, cy, r = g
        return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
    if kind == "capsule":
        x0, y0, x1, y1, r = g
        dx, dy = x1 - x0, y1 - y0
        t = max(0.0, min(1.0, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)))
        px, py = x0 + t * dx, y0 + t * dy
        return (x - px) ** 2 + (y - py) ** 2 <= r * r
    raise ValueError(kind)


def render(hc):
    rows = []
    items = shapes(hc)
    for py in range(SIZE):
        row = bytearray([0])  # filter type 0
        for px in range(SIZE):
            acc = [0.0, 0.0, 0.0, 0.0]  # premultiplied
            for sy in range(SS):
                for sx in range(SS):
                    x = px + (sx + 0.5) / SS
                    y = py + (sy + 0.5) / SS
                    c = [0.0, 0.0, 0.0, 0.0]
                    for kind, g, col in items:
                        if inside(kind, g, x, y):
                            a = col[3]
                            for k in range(3):
                                c[k] = col[k] * a + c[k] * (1 - a)
                            c[3] = a + c[3] * (1 - a)
                    for k in range(4):
                        acc[k] += c[k]
            n = SS * SS
            a = acc[3] / n
            if a > 0:
                rgb = [int(round(acc[k] / n / a)) for k in range(3)]
            else:
                rgb = [0, 0, 0]
            row += bytes(rgb + [int(round(a * 255))])
        rows.append(bytes(row))
    return b"".join(rows)


def png(raw):
    def chunk(tag, data):
        return (struct.pack(">I", len(data)) + tag + data +
                struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) +
            chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main():
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "manifests", "icons")
    for name, hc in (("factlens_sidebar.png", False), ("factlens_sidebar_hc.png", True)):
        with open(os.path.join(here, name), "wb") as f:
            f.write(png(render(hc)))


if __name__ == "__main__":
    main()
