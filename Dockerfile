# syntax=docker/dockerfile:1
# The resilience-gates image: the bundled CLI (dist/ is committed, so no build stage) with the clients the
# restore drills run: pg_dump/pg_restore/psql and redis-server/redis-cli. The reference chart's
# restore-drill CronJobs use it (restoreDrill.image). Build from the repository root:
#   docker build -t resilience-gates/resilience-gates:0.1.0 .
ARG NODE_IMAGE=node:20.20.0-bookworm-slim
# The scratch redis-server must read the RDB files of the Redis it drills: the chart's Redis version.
ARG REDIS_IMAGE=redis:7.4.4-bookworm

FROM ${REDIS_IMAGE} AS redis

FROM ${NODE_IMAGE}
# postgresql-client is PostgreSQL 15 on bookworm, the chart's server version (pg_dump refuses newer servers).
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client libssl3 \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 gates \
 && useradd --system --uid 10001 --gid gates --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin gates
COPY --from=redis /usr/local/bin/redis-server /usr/local/bin/redis-cli /usr/local/bin/
WORKDIR /opt/resilience-gates
COPY package.json ./
COPY bin ./bin
COPY dist ./dist
COPY policies ./policies
COPY schemas ./schemas
COPY scripts/tool-versions.tsv ./scripts/tool-versions.tsv
RUN ln -s /opt/resilience-gates/bin/resilience-gates.js /usr/local/bin/resilience-gates
USER 10001:10001
HEALTHCHECK NONE
ENTRYPOINT ["resilience-gates"]
CMD ["--help"]
