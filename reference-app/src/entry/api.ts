// node dist/api.js: the public api service.
import { apiConfig, buildApi } from "../api.js";
import { exitOnSignals } from "../server.js";

const service = buildApi(apiConfig());
exitOnSignals(service);
try {
  await service.listen();
} catch (error) {
  service.app.log.fatal({ err: error }, "api failed to start");
  process.exit(1);
}
