"""RFC 6238 codes for tests: log in as a person with two-step login (hub@, hr@ in the demo)."""

import base64
import hashlib
import hmac
import struct
import time

from community.demo.mfa import DEMO_TOTP_SECRET


def totp_code(secret: str = DEMO_TOTP_SECRET, at: float | None = None, step: int = 30, digits: int = 6) -> str:
    """The six-digit code an authenticator app shows for this base32 secret now (or at `at`)."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // step)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**digits).zfill(digits)


def fresh_totp_code(secret: str = DEMO_TOTP_SECRET) -> str:
    """A code with at least a few seconds left, so a slow browser does not submit a stale one."""
    if 30 - time.time() % 30 < 4:
        time.sleep(30 - time.time() % 30 + 0.2)
    return totp_code(secret)


def complete_two_step(page, secret: str = DEMO_TOTP_SECRET) -> None:
    """In a Playwright page that just sent the password: enter the code on the two-step page."""
    page.wait_for_url("**/accounts/2fa/authenticate/")
    field = page.locator("input[name='code']")
    field.fill(fresh_totp_code(secret))
    field.press("Enter")
