"""A small HTTP listener for operators: GET /healthz and GET /metrics (and the calendar feeds).

/healthz answers 200 "ok" while polling (or webhook deliveries) and the scheduler keep beating,
and 503 with the reason otherwise; /metrics is the Prometheus text format. It runs on the bot's
own event loop (tornado, which python-telegram-bot's webhook server already uses), bound to
127.0.0.1 unless told otherwise: neither page is meant for the open internet. With a public
address set, the same listener serves users' calendar feeds (`/cal/<token>.ics`, see
handlers/calendar_feed.py), which a reverse proxy publishes on their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets
from tornado.web import Application, RequestHandler

from followup.ops.health import Health
from followup.ops.metrics import Metrics

# bot_data: more pages for this listener, as tornado rules (the calendar feeds, when served).
ROUTES_KEY = "http_routes"


class _HealthPage(RequestHandler):
    def initialize(self, health: Health) -> None:
        self.health = health

    def get(self) -> None:
        verdict = self.health.verdict()
        self.set_status(200 if verdict.healthy else 503)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(verdict.text() + "\n")


class _MetricsPage(RequestHandler):
    def initialize(self, metrics: Metrics) -> None:
        self.metrics = metrics

    def get(self) -> None:
        from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

        self.set_header("Content-Type", CONTENT_TYPE_LATEST)
        self.finish(generate_latest(self.metrics.registry))


class MonitoringServer:
    """/healthz and /metrics on host:port (port 0: any free port, see `port` once started)."""

    def __init__(
        self, health: Health, metrics: Metrics, host: str, port: int, routes: Sequence[Any] = ()
    ) -> None:
        self._app = Application(
            [
                (r"/healthz", _HealthPage, {"health": health}),
                (r"/metrics", _MetricsPage, {"metrics": metrics}),
                *routes,
            ],
            # A health check every few seconds is no news, and a feed's path holds its secret.
            log_function=lambda _handler: None,
        )
        self.host, self.port = host, port
        self._server: HTTPServer | None = None

    def start(self) -> None:
        """Bind and serve on the running event loop."""
        sockets = bind_sockets(self.port, self.host)
        self.port = sockets[0].getsockname()[1]
        self._server = HTTPServer(self._app, xheaders=False)
        self._server.add_sockets(sockets)

    async def stop(self) -> None:
        """Stop listening and close open connections."""
        if self._server is not None:
            server, self._server = self._server, None
            server.stop()
            await server.close_all_connections()

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"
