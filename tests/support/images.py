"""Image files for the photo tests: a phone photo with EXIF, a PNG that lies about its size."""

import io
import struct
import zlib

from PIL import Image


def jpeg_with_exif(width=600, height=300, orientation=6, gps=True) -> bytes:
    image = Image.new("RGB", (width, height), "green")
    image.paste((255, 0, 0), (0, 0, width // 4, height))  # a red band on the left edge
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"
    if gps:
        exif[0x8825] = {1: "N", 2: (40.0, 0.0, 0.0), 3: "W", 4: (105.0, 0.0, 0.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims the given size: a decompression bomb's calling card."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 10))
        + chunk(b"IEND", b"")
    )
