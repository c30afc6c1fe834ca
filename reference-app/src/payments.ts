/**
 * payments (internal): writes the ledger. A charge is keyed by (tenant, idempotency key) with a unique
 * constraint; INSERT ... ON CONFLICT DO NOTHING decides which of several concurrent retries charges, and
 * the outbox event is written in the same transaction. A relay publishes outbox events to a Redis stream.
 */
import { createHash } from "node:crypto";
import type pg from "pg";
import { Counter, Gauge } from "prom-client";
import type { Redis } from "ioredis";
import { commonConfig, int, str, bool, type CommonConfig } from "./config.js";
import { createPool, pingPostgres, transaction, withClient } from "./db.js";
import { createRedis, pingRedis } from "./redis.js";
import { createService, type Service } from "./server.js";
import { createPaymentBodySchema, IDEMPOTENCY_KEY_PATTERN, TENANT_PATTERN, type CreatePaymentBody } from "./schemas.js";

export interface PaymentsConfig extends CommonConfig {
  outboxRelay: boolean;
  outboxPollMs: number;
  outboxStream: string;
}

export function paymentsConfig(env: Record<string, string | undefined> = process.env): PaymentsConfig {
  return {
    ...commonConfig(env, "payments", 8081),
    outboxRelay: bool(env, "OUTBOX_RELAY", true),
    outboxPollMs: int(env, "OUTBOX_POLL_MS", 500, 10, 60_000),
    outboxStream: str(env, "OUTBOX_STREAM", "payments.events"),
  };
}

interface LedgerRow {
  id: string;
  tenant_id: string;
  idempotency_key: string;
  request_hash: string;
  amount_cents: string;
  currency: string;
  customer_id: string | null;
  description: string | null;
  status: string;
  request_id: string | null;
  created_at: Date;
}

export function paymentView(row: LedgerRow): Record<string, unknown> {
  return {
    id: row.id,
    tenant: row.tenant_id,
    amount_cents: Number(row.amount_cents),
    currency: row.currency,
    customer_id: row.customer_id,
    description: row.description,
    status: row.status,
    created_at: row.created_at.toISOString(),
  };
}

/** The fingerprint of what a request asks for: a key reused with a different request is refused. */
export function requestHash(body: CreatePaymentBody): string {
  const canonical = JSON.stringify([body.amount_cents, body.currency, body.customer_id ?? null, body.description ?? null]);
  return createHash("sha256").update(canonical).digest("hex");
}

const LEDGER_COLUMNS = "id, tenant_id, idempotency_key, request_hash, amount_cents, currency, customer_id, description, status, request_id, created_at";

export type ChargeResult =
  | { kind: "created"; row: LedgerRow }
  | { kind: "replayed"; row: LedgerRow }
  | { kind: "mismatch"; row: LedgerRow };

export async function charge(pool: pg.Pool, tenant: string, key: string, body: CreatePaymentBody, requestId: string): Promise<ChargeResult> {
  const hash = requestHash(body);
  return withClient(pool, async (client) => {
    const created = await transaction(client, async () => {
      // The unique constraint (tenant_id, idempotency_key) arbitrates concurrent retries: a second insert
      // waits for the first transaction and then does nothing.
      const inserted = await client.query<LedgerRow>(
        `INSERT INTO ledger_entries (tenant_id, idempotency_key, request_hash, amount_cents, currency, customer_id, description, request_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
         RETURNING ${LEDGER_COLUMNS}`,
        [tenant, key, hash, body.amount_cents, body.currency, body.customer_id ?? null, body.description ?? null, requestId],
      );
      const row = inserted.rows[0];
      if (row) {
        // The outbox event commits or rolls back with the ledger row.
        await client.query(
          `INSERT INTO outbox_events (aggregate_type, aggregate_id, ledger_entry_id, tenant_id, event_type, payload, request_id)
           VALUES ('payment', $1, $1, $2, 'payment.captured', $3, $4)`,
          [row.id, tenant, JSON.stringify(paymentView(row)), requestId],
        );
      }
      return row;
    });
    if (created) return { kind: "created", row: created };
    // A new statement sees the committed winner (READ COMMITTED takes a fresh snapshot per statement).
    // Same client: asking the pool for a second connection while holding one can starve it under load.
    const existing = await client.query<LedgerRow>(`SELECT ${LEDGER_COLUMNS} FROM ledger_entries WHERE tenant_id = $1 AND idempotency_key = $2`, [tenant, key]);
    const winner = existing.rows[0];
    if (!winner) throw new Error("idempotency conflict without a committed row");
    return { kind: winner.request_hash === hash ? "replayed" : "mismatch", row: winner };
  });
}

/** Publishes unpublished outbox events to a Redis stream, oldest first, at least once. */
export async function relayOutbox(pool: pg.Pool, redis: Redis, stream: string, batch = 100): Promise<number> {
  return withClient(pool, (client) =>
    transaction(client, async () => {
      const { rows } = await client.query<{ id: string; event_type: string; tenant_id: string; payload: unknown; request_id: string | null }>(
        `SELECT id, event_type, tenant_id, payload, request_id FROM outbox_events
         WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batch],
      );
      if (rows.length === 0) return 0;
      const pipeline = redis.multi();
      for (const row of rows) {
        pipeline.xadd(stream, "MAXLEN", "~", "100000", "*", "event_id", row.id, "type", row.event_type, "tenant", row.tenant_id, "request_id", row.request_id ?? "", "payload", JSON.stringify(row.payload));
      }
      const results = await pipeline.exec();
      const failed = results?.find(([error]) => error);
      if (!results || failed) throw failed?.[0] ?? new Error("the Redis transaction was discarded");
      await client.query("UPDATE outbox_events SET published_at = now() WHERE id = ANY($1::bigint[])", [rows.map((row) => row.id)]);
      return rows.length;
    }),
  );
}

export interface PaymentsService extends Service {
  pool: pg.Pool;
  redis: Redis;
}

export function buildPayments(config: PaymentsConfig): PaymentsService {
  const service = createService(config);
  const { app, metrics } = service;
  const pool = createPool({ connectionString: config.databaseUrl, max: config.dbPoolMax, applicationName: "payments", registry: metrics.registry });
  const redis = createRedis(config.redisUrl, metrics.registry, "payments");
  service.readiness.push({ name: "postgres", check: () => pingPostgres(pool, config.readinessTimeoutMs) });
  // Redis carries only the outbox relay's stream: charges go on without it, the events wait in the outbox.
  service.readiness.push({ name: "redis", check: () => pingRedis(redis, config.readinessTimeoutMs), degradable: true });

  const charges = new Counter({
    name: "ledger_charges_total",
    help: "Charge requests by outcome: created, replayed (same key, same request), mismatch (same key, other request).",
    labelNames: ["result"],
    registers: [metrics.registry],
  });
  const published = new Counter({ name: "outbox_events_published_total", help: "Outbox events published to the stream.", registers: [metrics.registry] });
  const relayErrors = new Counter({ name: "outbox_relay_errors_total", help: "Outbox relay passes that failed.", registers: [metrics.registry] });
  new Gauge({
    name: "outbox_pending_events",
    help: "Outbox events not yet published (sampled on scrape).",
    registers: [metrics.registry],
    async collect() {
      try {
        const { rows } = await pool.query<{ n: string }>("SELECT count(*) AS n FROM outbox_events WHERE published_at IS NULL");
        this.set(Number(rows[0]?.n ?? 0));
      } catch {
        // Leave the last value; /readyz reports the outage.
      }
    },
  });

  // Log lines of a request carry its tenant, like the api's.
  app.addHook("onRequest", async (request) => {
    const tenant = request.headers["x-tenant-id"];
    if (typeof tenant === "string" && TENANT_PATTERN.test(tenant)) request.log = request.log.child({ tenant });
  });

  const tenantHeader = {
    type: "object",
    required: ["x-tenant-id"],
    properties: { "x-tenant-id": { type: "string", pattern: TENANT_PATTERN.source } },
  } as const;

  app.post<{ Body: CreatePaymentBody; Headers: { "x-tenant-id": string; "idempotency-key": string } }>(
    "/internal/payments",
    {
      schema: {
        headers: {
          type: "object",
          required: ["x-tenant-id", "idempotency-key"],
          properties: {
            "x-tenant-id": { type: "string", pattern: TENANT_PATTERN.source },
            "idempotency-key": { type: "string", pattern: IDEMPOTENCY_KEY_PATTERN.source },
          },
        },
        body: createPaymentBodySchema,
      },
    },
    async (request, reply) => {
      const tenant = request.headers["x-tenant-id"];
      const key = request.headers["idempotency-key"];
      const result = await charge(pool, tenant, key, request.body, request.id);
      charges.inc({ result: result.kind });
      if (result.kind === "mismatch") {
        request.log.warn({ tenant, payment_id: result.row.id }, "idempotency key reused with a different request");
        return reply.code(422).send({
          error: "idempotency_key_reused",
          message: "this Idempotency-Key was used for a different request",
          payment_id: result.row.id,
        });
      }
      if (result.kind === "replayed") {
        request.log.info({ tenant, payment_id: result.row.id }, "idempotent replay");
        return reply.code(200).header("idempotent-replayed", "true").send(paymentView(result.row));
      }
      request.log.info({ tenant, payment_id: result.row.id, amount_cents: request.body.amount_cents }, "payment captured");
      return reply.code(201).header("idempotent-replayed", "false").send(paymentView(result.row));
    },
  );

  app.get<{ Params: { id: string }; Headers: { "x-tenant-id": string } }>(
    "/internal/payments/:id",
    {
      schema: {
        headers: tenantHeader,
        params: { type: "object", required: ["id"], properties: { id: { type: "string", pattern: "^[1-9][0-9]{0,18}$" } } },
      },
    },
    async (request, reply) => {
      const { rows } = await pool.query<LedgerRow>(`SELECT ${LEDGER_COLUMNS} FROM ledger_entries WHERE tenant_id = $1 AND id = $2`, [
        request.headers["x-tenant-id"],
        request.params.id,
      ]);
      const row = rows[0];
      if (!row) return reply.code(404).send({ error: "not_found", message: "no such payment" });
      return paymentView(row);
    },
  );

  app.get<{ Headers: { "x-tenant-id": string } }>("/internal/balance", { schema: { headers: tenantHeader } }, async (request) => {
    const tenant = request.headers["x-tenant-id"];
    const { rows } = await pool.query<{ currency: string; total: string; count: string }>(
      `SELECT currency, sum(amount_cents) AS total, count(*) AS count
       FROM ledger_entries WHERE tenant_id = $1 AND status = 'captured' GROUP BY currency ORDER BY currency`,
      [tenant],
    );
    return {
      tenant,
      balances: rows.map((row) => ({ currency: row.currency, amount_cents: Number(row.total), payments: Number(row.count) })),
    };
  });

  let relayTimer: NodeJS.Timeout | undefined;
  let relayRunning: Promise<void> | undefined;
  let stopped = false;
  if (config.outboxRelay) {
    const tick = (): void => {
      relayRunning = relayOutbox(pool, redis, config.outboxStream)
        .then((count) => {
          if (count > 0) published.inc(count);
        })
        .catch((error: unknown) => {
          relayErrors.inc();
          app.log.debug({ err: error }, "outbox relay pass failed");
        })
        .finally(() => {
          if (!stopped) relayTimer = setTimeout(tick, config.outboxPollMs);
        });
    };
    app.addHook("onReady", async () => {
      relayTimer = setTimeout(tick, config.outboxPollMs);
    });
  }

  service.onShutdown(async () => {
    stopped = true;
    clearTimeout(relayTimer);
    await relayRunning;
    await pool.end();
    redis.disconnect();
  });

  return { ...service, pool, redis };
}
