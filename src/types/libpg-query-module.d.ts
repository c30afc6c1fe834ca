// libpg-query's Emscripten module factory (the package types only its wrapper, wasm/index.cjs).
declare module "libpg-query/wasm/libpg-query.js" {
  const createModule: (options?: { locateFile?(path: string, scriptDirectory: string): string }) => Promise<unknown>;
  export default createModule;
}
