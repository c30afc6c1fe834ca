/** Request shapes shared by api and payments. */

export const TENANT_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export interface CreatePaymentBody {
  amount_cents: number;
  currency: string;
  customer_id?: string;
  description?: string;
}

export const createPaymentBodySchema = {
  type: "object",
  required: ["amount_cents", "currency"],
  additionalProperties: false,
  properties: {
    amount_cents: { type: "integer", minimum: 1, maximum: 100_000_000_00 },
    currency: { type: "string", pattern: "^[A-Z]{3}$" },
    customer_id: { type: "string", minLength: 1, maxLength: 64 },
    description: { type: "string", maxLength: 500 },
  },
} as const;
