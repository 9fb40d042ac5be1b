"""Two-step codes as a person's phone app makes them (RFC 6238), for the load test's users."""

import hashlib
import hmac
import struct
import time


def totp(hex_key: str, *, at: float | None = None, step: int = 30, digits: int = 6) -> str:
    """RFC 6238 code (HMAC-SHA1, 30 s, 6 digits): what django-otp's TOTPDevice checks."""
    counter = int((time.time() if at is None else at) // step)
    digest = hmac.new(bytes.fromhex(hex_key), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 10**digits
    return f"{code:0{digits}d}"
