#!/usr/bin/env python3
"""Builds the Jazzer seed corpora of codec-l2tp's fuzz tests.

    scripts/fuzz-seeds.py [CAPTURE.pcapng...]      (default: ../shared/captures/*.pcapng)

Writes, under codec-l2tp/src/test/resources/io/lns/l2tp/fuzz/ (Jazzer's <Class>Inputs/<method>/
layout):
  * the L2TP payloads (UDP port 1701) of the captures: every distinct control message and the
    first few data messages of each capture, named <capture>-<frame>-<c|d>;
  * hand-made datagrams: ZLBs, data messages with offset/priority/padding, hidden AVPs (hidden with
    the fuzz tests' secret, RFC 2661 §4.3), RFC 3145/5515 AVPs, reserved bits, vendor AVPs,
    L2TPv3/L2F headers; named hand-*;
  * for AvpCodecFuzzTest: one seed per AVP found in the captures and per dictionary AVP type,
    laid out as vendor(2) type(2) flags(1) value.
Existing files (e.g. crash inputs Jazzer saved there) are left alone. Pure standard library.
"""
import glob
import hashlib
import os
import struct
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE = os.path.join(ROOT, "codec-l2tp/src/test/resources/io/lns/l2tp/fuzz")
PACKET_DIRS = [
    "PacketDecoderFuzzTestInputs/decode",
    "PacketDecoderFuzzTestInputs/decodeWithSecret",
    "PacketDecoderFuzzTestInputs/reencode",
    "HeaderReaderFuzzTestInputs/read",
]
AVP_DIR = "AvpCodecFuzzTestInputs/decodeValue"
SECRET = b"lns-fuzz-secret"  # FuzzChecks.SECRET
L2TP_PORT = 1701
DATA_SEEDS_PER_CAPTURE = 8
BBF = 3561


# ---------------------------------------------------------------- pcapng

def pcapng_blocks(data):
    pos, endian = 0, "<"
    while pos + 12 <= len(data):
        if data[pos:pos + 4] == b"\x0a\x0d\x0d\x0a":  # section header: its magic gives the byte order
            endian = "<" if data[pos + 8:pos + 12] == b"\x4d\x3c\x2b\x1a" else ">"
        btype, blen = struct.unpack_from(endian + "II", data, pos)
        if blen < 12 or pos + blen > len(data):
            raise ValueError(f"bad block length {blen} at {pos}")
        yield btype, data[pos + 8:pos + blen - 4], endian
        pos += blen


def udp_l2tp_payload(frame, linktype):
    if linktype == 1:  # Ethernet, maybe VLAN-tagged
        off, ethertype = 14, struct.unpack_from(">H", frame, 12)[0] if len(frame) >= 14 else 0
        while ethertype == 0x8100 and len(frame) >= off + 4:
            ethertype = struct.unpack_from(">H", frame, off + 2)[0]
            off += 4
        if ethertype != 0x0800:
            return None
        ip = frame[off:]
    elif linktype in (101, 228):  # raw IPv4
        ip = frame
    elif linktype == 113:  # Linux cooked
        if len(frame) < 16 or struct.unpack_from(">H", frame, 14)[0] != 0x0800:
            return None
        ip = frame[16:]
    else:
        return None
    if len(ip) < 20 or ip[0] >> 4 != 4 or ip[9] != 17:
        return None
    udp = ip[(ip[0] & 0x0F) * 4:struct.unpack_from(">H", ip, 2)[0]]
    if len(udp) < 8:
        return None
    sport, dport, ulen = struct.unpack_from(">HHH", udp, 0)
    return udp[8:ulen] if L2TP_PORT in (sport, dport) else None


def capture_payloads(path):
    """(frame number, payload) of each L2TP datagram in a pcapng file."""
    with open(path, "rb") as f:
        data = f.read()
    linktypes, frame = [], 0
    for btype, body, endian in pcapng_blocks(data):
        if btype == 0x0A0D0D0A:
            linktypes = []
        elif btype == 1:
            linktypes.append(struct.unpack_from(endian + "H", body, 0)[0])
        elif btype == 6:
            frame += 1
            iface, _, _, caplen = struct.unpack_from(endian + "IIII", body, 0)
            payload = udp_l2tp_payload(body[20:20 + caplen], linktypes[iface])
            if payload is not None and len(payload) >= 2:
                yield frame, payload


# ---------------------------------------------------------------- building messages

def avp(vtype, value, vendor=0, m=True, h=False, reserved=0):
    flags = (0x8000 if m else 0) | (0x4000 if h else 0) | (reserved << 10) | (6 + len(value))
    return struct.pack(">HHH", flags, vendor, vtype) + value


def hide(vtype, value, rv, pad=b""):
    """RFC 2661 §4.3: subformat (length, value, padding) XOR chained MD5 blocks."""
    plain = struct.pack(">H", len(value)) + value + pad
    out = bytearray()
    key = hashlib.md5(struct.pack(">H", vtype) + SECRET + rv).digest()
    for off in range(0, len(plain), 16):
        block = bytes(p ^ k for p, k in zip(plain[off:off + 16], key))
        out += block
        key = hashlib.md5(SECRET + block).digest()
    return bytes(out)


def hidden_avp(vtype, value, rv, pad=b"", m=True):
    return avp(vtype, hide(vtype, value, rv, pad), m=m, h=True)


def control(avps, tunnel=1, session=0, ns=0, nr=0, padding=b""):
    body = b"".join(avps)
    return struct.pack(">HHHHHH", 0xC802, 12 + len(body), tunnel, session, ns, nr) + body + padding


def msg_type(code):
    return avp(0, struct.pack(">H", code))


def u16(v):
    return struct.pack(">H", v)


def u32(v):
    return struct.pack(">I", v)


def data_message(payload, l=False, s=False, o=None, p=False, tunnel=7, session=9, ns=5, nr=0, udp_padding=b""):
    flags = 0x0002 | (0x4000 if l else 0) | (0x0800 if s else 0) | (0x0200 if o is not None else 0) | (0x0100 if p else 0)
    fields = b""
    fields += u16(tunnel) + u16(session)
    if s:
        fields += u16(ns) + u16(nr)
    if o is not None:
        fields += u16(len(o)) + o
    length = 2 + (2 if l else 0) + len(fields) + len(payload)
    return u16(flags) + (u16(length) if l else b"") + fields + payload + udp_padding


LCP_CONFREQ = bytes.fromhex("ff03c021010100140104058c0506a1b2c3d40304c023")


def hand_made():
    rv = bytes(range(0x30, 0x40))
    rv2 = b"\x99" * 7
    seeds = {
        "hand-zlb": control([], tunnel=5, ns=3, nr=4),
        "hand-zlb-udp-padding": control([], tunnel=5, ns=3, nr=4, padding=b"\0\0\0\0"),
        "hand-data-minimal": data_message(LCP_CONFREQ),
        "hand-data-empty": data_message(b""),
        "hand-data-offset": data_message(LCP_CONFREQ, l=True, s=True, o=b"\0\0\0\0"),
        "hand-data-offset-priority": data_message(LCP_CONFREQ, o=b"\xaa\xbb", p=True),
        "hand-data-offset-zero": data_message(LCP_CONFREQ, s=True, o=b""),
        "hand-data-length-udp-padding": data_message(LCP_CONFREQ, l=True, udp_padding=b"\0" * 6),
        "hand-hidden-icrq": control(
            [
                msg_type(10),
                avp(36, rv),
                hidden_avp(14, u16(0x1234), rv),
                avp(15, u32(77)),
                avp(18, u32(1)),
                hidden_avp(22, b"atm 1/32:0.35", rv, pad=b"\x01\x02\x03"),
            ],
            tunnel=3),
        "hand-hidden-iccn-proxy": control(
            [
                msg_type(12),
                avp(24, u32(100000000)),
                avp(19, u32(1)),
                avp(36, rv2),
                avp(29, u16(2), m=False),
                hidden_avp(30, b"user@isp.example", rv2, m=False),
                avp(31, bytes(range(16)), m=False),
                hidden_avp(32, u16(7), rv2, m=False),
                hidden_avp(33, bytes(range(100, 116)), rv2, pad=b"\0" * 14, m=False),
                avp(26, bytes.fromhex("0104058c0506a1b2c3d4"), m=False),
            ],
            tunnel=3, session=4, ns=2, nr=1),
        "hand-hidden-sccrp-challenge-response": control(
            [
                msg_type(2),
                avp(2, b"\x01\x00"),
                avp(3, u32(3)),
                avp(7, b"lns"),
                avp(36, rv),
                hidden_avp(9, u16(42), rv),
                hidden_avp(13, bytes(range(16)), rv),
                avp(10, u16(8)),
            ]),
        "hand-hidden-without-random-vector": control([msg_type(14), hidden_avp(1, u16(3), rv), avp(14, u16(1))]),
        "hand-icrq-access-line": control(
            [
                msg_type(10),
                avp(14, u16(1)),
                avp(15, u32(2)),
                avp(22, b"0011.2233.4455"),
                avp(1, b"dslam1 atm 1/1/01:0.35", vendor=BBF, m=False),
                avp(2, b"subscriber-17", vendor=BBF, m=False),
                avp(129, struct.pack(">Q", 1_024_000), vendor=BBF, m=False),
                avp(130, struct.pack(">Q", 16_384_000), vendor=BBF, m=False),
                avp(135, struct.pack(">Q", 2**63 + 5), vendor=BBF, m=False),
                avp(139, u32(16), vendor=BBF, m=False),
                avp(144, b"\x01\x02\x00", vendor=BBF, m=False),
                avp(145, b"\x05\0\0\0", vendor=BBF, m=False),
                avp(254, u32(1), vendor=BBF, m=False),
                avp(98, b"", m=False),
            ],
            session=0, ns=1),
        "hand-csun": control(
            [msg_type(28), avp(97, u16(0) + u16(5) + u32(1000) + u32(2000), m=False),
             avp(97, u16(0) + u16(6) + u32(0) + u32(0), m=False)]),
        "hand-wen-sli": control(
            [msg_type(15), avp(34, u16(0) + b"".join(u32(i) for i in range(6)))], session=4),
        "hand-sli-accm": control([msg_type(16), avp(35, u16(0) + u32(0xFFFFFFFF) + u32(0))], session=4),
        "hand-cdn-causes": control(
            [
                msg_type(14),
                avp(1, u16(2) + u16(6) + b"session torn down"),
                avp(14, u16(9)),
                avp(12, u16(16) + b"\x05" + b"normal clearing"),
                avp(46, u16(3) + u16(0xC021) + b"\x01" + b"LCP terminated"),
            ],
            session=9),
        "hand-stopccn-result-only": control([msg_type(4), avp(9, u16(3)), avp(1, u16(1))]),
        "hand-sccrq-vendor-reserved": control(
            [
                msg_type(1),
                avp(2, b"\x01\x00"),
                avp(3, u32(3)),
                avp(7, b"lac.example"),
                avp(9, u16(1)),
                avp(5, bytes(8), m=False),
                avp(6, u16(0x0690), m=False),
                avp(8, b"lns fuzz", m=False),
                avp(10, u16(4)),
                avp(11, b"\x17" * 16),
                avp(1, b"\x00\x01", vendor=9, m=False),
                avp(60, b"unknown ietf", m=False),
                avp(7, b"reserved bits set", reserved=0x3, m=False),
                avp(39, b""),
            ]),
        "hand-l2tpv3": struct.pack(">HHI", 0xC803, 12, 1) + b"\0" * 4,
        "hand-l2f": struct.pack(">HH", 0x0001, 0) + b"\0" * 8,
    }
    return seeds


# ---------------------------------------------------------------- AVP codec seeds

def avp_codec_seed(vendor, vtype, flags, value):
    return struct.pack(">HHB", vendor, vtype, flags) + value


def dictionary_avp_seeds():
    text = b"example.net"
    typical = {
        0: u16(10), 1: u16(2) + u16(6) + b"no", 2: b"\x01\x00", 3: u32(3), 4: u32(2), 5: bytes(range(8)),
        6: u16(1), 7: text, 8: text, 9: u16(5), 10: u16(4), 11: bytes(16), 12: u16(16) + b"\x05" + b"ok",
        13: bytes(16), 14: u16(5), 15: u32(9), 16: u32(9600), 17: u32(10**9), 18: u32(1), 19: u32(2),
        21: b"12345", 22: b"67890", 23: b"sub", 24: u32(10**8), 25: u32(3), 26: bytes(10), 27: bytes(10),
        28: bytes(10), 29: u16(3), 30: b"user", 31: bytes(16), 32: u16(1), 33: b"password", 34: bytes(26),
        35: bytes(10), 36: bytes(16), 37: b"group", 38: u32(5), 39: b"", 46: u16(1) + u16(0xC021) + b"\x02",
        97: bytes(12), 98: b"",
    }
    bbf = {1: b"circuit", 2: b"remote", 139: u32(1), 140: u32(1), 141: u32(1), 142: u32(1), 144: b"\x01\x01\x00",
           145: b"\x03\0\0\0", 254: u32(1)}
    bbf.update({t: struct.pack(">Q", 10**6 * t) for t in range(129, 139)})
    seeds = {}
    for vendor, table in ((0, typical), (BBF, bbf)):
        for vtype, value in table.items():
            seeds[f"dict-{vendor}-{vtype}"] = avp_codec_seed(vendor, vtype, 0x01, value)
            seeds[f"dict-{vendor}-{vtype}-hidden"] = avp_codec_seed(vendor, vtype, 0x03, value)
    return seeds


def avps_of(message):
    """(vendor, type, flags, value) of each AVP of a well-formed control message."""
    if len(message) < 12 or not message[0] & 0x80:
        return
    end = min(len(message), struct.unpack_from(">H", message, 2)[0])
    p = 12
    while p + 6 <= end:
        flags, vendor, vtype = struct.unpack_from(">HHH", message, p)
        length = flags & 0x3FF
        if length < 6 or p + length > end:
            return
        yield vendor, vtype, flags, message[p + 6:p + length]
        p += length


# ---------------------------------------------------------------- main

def write(directory, name, content):
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, name), "wb") as f:
        f.write(content)


def main():
    captures = sys.argv[1:] or sorted(glob.glob(os.path.join(ROOT, "..", "shared", "captures", "*.pcapng")))
    if not captures:
        sys.exit("fuzz-seeds: no captures given and none in ../shared/captures/")
    packets, seen = {}, set()
    for path in captures:
        name = os.path.basename(path).removesuffix(".pcapng")
        data_count = 0
        for frame, payload in capture_payloads(path):
            digest = hashlib.sha256(payload).digest()
            if digest in seen:
                continue
            seen.add(digest)
            is_control = bool(payload[0] & 0x80)
            if not is_control:
                data_count += 1
                if data_count > DATA_SEEDS_PER_CAPTURE:
                    continue
            packets[f"{name}-{frame:04d}-{'c' if is_control else 'd'}"] = payload
    captured = len(packets)
    packets.update(hand_made())

    avp_seeds, seen_avps = {}, set()
    for name, message in packets.items():
        for vendor, vtype, flags, value in avps_of(message):
            if flags & 0x4000 or (vendor, vtype, value) in seen_avps:
                continue
            seen_avps.add((vendor, vtype, value))
            avp_seeds[f"{name}-avp-{vendor}-{vtype}"] = avp_codec_seed(vendor, vtype, 1 if flags & 0x8000 else 0, value)
    avp_seeds.update(dictionary_avp_seeds())

    for d in PACKET_DIRS:
        for name, content in packets.items():
            write(os.path.join(BASE, d), name, content)
    for name, content in avp_seeds.items():
        write(os.path.join(BASE, AVP_DIR), name, content)
    print(f"{captured} captured + {len(packets) - captured} hand-made datagrams into {len(PACKET_DIRS)} "
          f"directories, {len(avp_seeds)} AVP seeds, under {os.path.relpath(BASE, ROOT)}")


if __name__ == "__main__":
    main()
