# syntax=docker/dockerfile:1
# The payments service. Build from reference-app/:
#   docker build -f docker/payments.Dockerfile -t resilience-gates/reference-payments:0.1.0 .
# Multi-stage: the build stage compiles TypeScript with esbuild; the runtime stage has production
# dependencies only, runs as a non-root numeric user (so runAsNonRoot can verify it) and needs no
# writable path but /tmp (the chart mounts the root filesystem read-only).
ARG NODE_IMAGE=node:20.20.0-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY build.mjs tsconfig.json ./
COPY src ./src
RUN node build.mjs

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=8081 \
    HOST=0.0.0.0
WORKDIR /app
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY package.json ./
# The migrations the init container applies (node dist/migrate.js).
COPY migrations ./migrations
USER 10001:10001
EXPOSE 8081
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8081) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "dist/payments.js"]
