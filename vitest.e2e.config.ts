import { defineConfig } from "vitest/config";

// Tests against the real single-node cluster that scripts/e2e.sh brings up (KUBECONFIG points at it):
// behaviour that depends on real controllers, the kubelet and admission. Run by `npm run e2e`, not `npm test`.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    reporters: ["default"],
  },
});
