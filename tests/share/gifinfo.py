#!/usr/bin/env python3
"""gifinfo.py GIF [--png N OUT.png]: read an animated GIF with nothing but
the standard library (a small LZW decoder), check its structure, and print
one JSON line: size, frames, delays (1/100 s), the loop count, the colours
used. With --png, also composite the frames up to N (0-based) as a GIF
viewer shows them and write that picture as a PNG, to look at."""
import json
import struct
import sys
import zlib


def lzw_decode(data, min_size, npixels):
    clear, end = 1 << min_size, (1 << min_size) + 1
    size = min_size + 1
    table = [bytes([i]) for i in range(clear)] + [b"", b""]
    out = bytearray()
    prev = None
    bitpos, nbits = 0, len(data) * 8
    val = int.from_bytes(data, "little")
    while bitpos + size <= nbits:
        code = (val >> bitpos) & ((1 << size) - 1)
        bitpos += size
        if code == clear:
            size = min_size + 1
            table = table[: end + 1]
            prev = None
            continue
        if code == end:
            break
        if prev is None:
            entry = table[code]
        elif code < len(table):
            entry = table[code]
            table.append(prev + entry[:1])
        elif code == len(table):
            entry = prev + prev[:1]
            table.append(entry)
        else:
            raise ValueError("bad LZW code")
        out += entry
        prev = entry
        if len(table) == (1 << size) and size < 12:
            size += 1
    if len(out) < npixels:
        raise ValueError("short image data: %d of %d pixels" % (len(out), npixels))
    return out[:npixels]


def read(path):
    d = open(path, "rb").read()
    if d[:6] not in (b"GIF89a", b"GIF87a"):
        raise ValueError("not a GIF")
    w, h, flags = struct.unpack("<HHB", d[6:11])
    i = 13
    gct = None
    if flags & 0x80:
        n = 2 << (flags & 7)
        gct = [tuple(d[i + 3 * k: i + 3 * k + 3]) for k in range(n)]
        i += 3 * n
    frames, loop, gce = [], None, None
    while True:
        b = d[i]
        if b == 0x21:
            label = d[i + 1]
            i += 2
            blocks = []
            while d[i]:
                blocks.append(d[i + 1: i + 1 + d[i]])
                i += d[i] + 1
            i += 1
            if label == 0xF9:
                p = blocks[0]
                gce = {"disposal": (p[0] >> 2) & 7, "delay": p[1] | p[2] << 8,
                       "transparent": p[3] if p[0] & 1 else None}
            elif label == 0xFF and blocks and blocks[0] == b"NETSCAPE2.0":
                loop = blocks[1][1] | blocks[1][2] << 8
        elif b == 0x2C:
            x, y, fw, fh, f = struct.unpack("<HHHHB", d[i + 1: i + 10])
            i += 10
            ct = gct
            if f & 0x80:
                n = 2 << (f & 7)
                ct = [tuple(d[i + 3 * k: i + 3 * k + 3]) for k in range(n)]
                i += 3 * n
            min_size = d[i]
            i += 1
            data = bytearray()
            while d[i]:
                data += d[i + 1: i + 1 + d[i]]
                i += d[i] + 1
            i += 1
            frames.append({"rect": (x, y, fw, fh), "ct": ct, "gce": gce or {},
                           "pixels": lzw_decode(bytes(data), min_size, fw * fh)})
            gce = None
        elif b == 0x3B:
            break
        else:
            raise ValueError("bad block 0x%02x at %d" % (b, i))
    return w, h, loop, frames


def composite(w, h, frames, upto):
    canvas = [None] * (w * h)
    for fr in frames[: upto + 1]:
        x0, y0, fw, fh = fr["rect"]
        t = fr["gce"].get("transparent")
        px = fr["pixels"]
        for y in range(fh):
            for x in range(fw):
                v = px[y * fw + x]
                if v != t and 0 <= x0 + x < w and 0 <= y0 + y < h:
                    canvas[(y0 + y) * w + x0 + x] = fr["ct"][v]
    return [c or (0, 0, 0) for c in canvas]


def write_png(path, w, h, rgb):
    raw = b"".join(b"\0" + bytes(v for c in rgb[y * w:(y + 1) * w] for v in c) for y in range(h))

    def chunk(t, b):
        return struct.pack(">I", len(b)) + t + b + struct.pack(">I", zlib.crc32(t + b) & 0xFFFFFFFF)
    open(path, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                           + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def main():
    w, h, loop, frames = read(sys.argv[1])
    used = set()
    for fr in frames:
        t = fr["gce"].get("transparent")
        used |= {fr["ct"][v] for v in set(fr["pixels"]) if v != t}
    print(json.dumps({"width": w, "height": h, "frames": len(frames), "loop": loop,
                      "delays": [fr["gce"].get("delay") for fr in frames],
                      "rects": [fr["rect"] for fr in frames],
                      "colors": ["#%02x%02x%02x" % c for c in sorted(used)]}))
    if len(sys.argv) == 5 and sys.argv[2] == "--png":
        n = int(sys.argv[3])
        write_png(sys.argv[4], w, h, composite(w, h, frames, n))


if __name__ == "__main__":
    main()
