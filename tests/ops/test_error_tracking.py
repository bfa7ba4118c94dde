"""Errors reach the configured error tracker (Sentry protocol), and nothing leaves without a DSN.

Runs Django in a subprocess against a tiny local HTTP endpoint standing in for the tracker."""

import gzip
import os
import subprocess  # noqa: S404
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import django, sentry_sdk
django.setup()
print("initialised" if sentry_sdk.is_initialized() else "off")
sentry_sdk.capture_exception(ValueError("boom from the platform"))
sentry_sdk.flush(10)
"""


def _run_with(env_extra):
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            body = self.rfile.read(int(self.headers["Content-Length"]))
            encoding = self.headers.get("Content-Encoding")
            if encoding == "gzip":
                body = gzip.decompress(body)
            elif encoding == "br":  # sentry-sdk prefers brotli when it is installed (WeasyPrint brings it)
                import brotli

                body = brotli.decompress(body)
            received.append(body)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "community.test_settings", **env_extra}
    env = {k: v.replace("PORT", str(server.server_port)) for k, v in env.items()}
    try:
        result = subprocess.run(  # noqa: S603
            [sys.executable, "-c", SCRIPT], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
        )
    finally:
        server.shutdown()
    return result, received


def test_errors_are_sent_to_the_tracker_when_a_dsn_is_configured():
    result, received = _run_with({"SENTRY_DSN": "http://publickey@127.0.0.1:PORT/1"})
    assert "initialised" in result.stdout, result.stderr
    assert any(b"boom from the platform" in body for body in received)


def test_nothing_is_sent_without_a_dsn():
    result, received = _run_with({"SENTRY_DSN": ""})
    assert "off" in result.stdout, result.stderr
    assert received == []
