"""The one TOTP secret of the demo accounts that must use two-step login (hub@, hr@).

Shared with the browser tests, which compute the six-digit code from it.
"""

DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105
