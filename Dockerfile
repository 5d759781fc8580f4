# Follow-up Coach in a container: a slim Python, the bot installed into a virtual environment,
# run as an unprivileged user, its data in a volume, health checked over /healthz.
#
#   docker build -t followup-coach .
#   docker run -d --name followup -e TELEGRAM_BOT_TOKEN=... -v followup-data:/data followup-coach
#
# (compose.yaml does the same with a named volume and a restart policy.)

FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml bot.py ./
COPY followup ./followup
COPY handlers ./handlers
COPY content ./content
RUN python -m venv /opt/followup/venv \
    && /opt/followup/venv/bin/pip install --no-cache-dir . \
    && /opt/followup/venv/bin/python -c "from pathlib import Path; from followup.ops.geo.places import open_index; open_index(Path('/opt/followup/cache'))"

FROM python:3.11-slim
RUN useradd --system --uid 10001 --user-group --home-dir /nonexistent --no-create-home \
        --shell /usr/sbin/nologin followup \
    && mkdir /data && chown followup:followup /data && chmod 700 /data
# The city index was built above, once, so no container builds it at its first start.
COPY --from=build /opt/followup /opt/followup
ENV PATH=/opt/followup/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    FOLLOWUP_DATA_DIR=/data \
    FOLLOWUP_CACHE_DIR=/opt/followup/cache \
    FOLLOWUP_LOG_FORMAT=json \
    FOLLOWUP_HTTP_HOST=0.0.0.0 \
    FOLLOWUP_HTTP_PORT=8080
VOLUME ["/data"]
USER followup:followup
WORKDIR /data
# 8080: /healthz and /metrics. 8443: webhook mode (set FOLLOWUP_WEBHOOK_URL and
# FOLLOWUP_WEBHOOK_LISTEN=0.0.0.0:8443, with TLS ended by a proxy in front).
EXPOSE 8080 8443
HEALTHCHECK --interval=30s --timeout=10s --start-period=90s --retries=3 \
    CMD ["python", "-m", "followup.healthcheck"]
STOPSIGNAL SIGTERM
CMD ["followup-coach"]
