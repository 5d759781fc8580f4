"""`python -m followup.ops.healthcheck`: exit 0 when the running bot's /healthz says ok, else 1.

For container health checks and service monitors on the same host: it reads the listener's port
(and address) from the same settings the bot reads, FOLLOWUP_HTTP_PORT and FOLLOWUP_HTTP_HOST.
"""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request
from collections.abc import Mapping

TIMEOUT_SECONDS = 4.0


def health_url(environ: Mapping[str, str]) -> str | None:
    """Where the bot's /healthz is, from its settings; None when the listener is off."""
    port = environ.get("FOLLOWUP_HTTP_PORT", "").strip()
    if not port:
        return None
    host = environ.get("FOLLOWUP_HTTP_HOST", "").strip() or "127.0.0.1"
    if host in ("0.0.0.0", "::", ""):
        host = "127.0.0.1"  # listening everywhere: ask over loopback
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}/healthz"


def check(url: str) -> tuple[bool, str]:
    """Whether /healthz answered 200, and what it said."""
    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: no proxy
    try:
        with direct.open(url, timeout=TIMEOUT_SECONDS) as answer:
            return answer.status == 200, answer.read().decode(errors="replace").strip()
    except urllib.error.HTTPError as error:
        return False, error.read().decode(errors="replace").strip() or str(error)
    except (urllib.error.URLError, OSError) as error:
        return False, f"no answer from {url}: {getattr(error, 'reason', error)}"


def main() -> int:
    url = health_url(os.environ)
    if url is None:
        print("FOLLOWUP_HTTP_PORT is not set: the bot serves no /healthz", file=sys.stderr)
        return 1
    healthy, said = check(url)
    print(said, file=sys.stdout if healthy else sys.stderr)
    return 0 if healthy else 1


if __name__ == "__main__":
    sys.exit(main())
