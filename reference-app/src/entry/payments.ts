// node dist/payments.js: the internal payments service.
import { buildPayments, paymentsConfig } from "../payments.js";
import { exitOnSignals } from "../server.js";

const service = buildPayments(paymentsConfig());
exitOnSignals(service);
try {
  await service.listen();
} catch (error) {
  service.app.log.fatal({ err: error }, "payments failed to start");
  process.exit(1);
}
