// The WebAssembly API Node provides; TypeScript declares it only in its DOM libraries, which this
// project does not load. Only what the code calls.
declare namespace WebAssembly {
  /** A compiled module: instantiated any number of times, and posted to worker threads as it is. */
  type Module = object & { readonly compiledWebAssembly?: never };
  function compile(bytes: Uint8Array): Promise<Module>;
}
