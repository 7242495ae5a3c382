/** Runs `run` with `Object.prototype[key] = value`, and restores Object.prototype whatever happens. */
export async function polluted<T>(key: string, value: unknown, run: () => Promise<T>): Promise<T> {
  Object.defineProperty(Object.prototype, key, { value, configurable: true, writable: true });
  try {
    return await run();
  } finally {
    delete (Object.prototype as Record<string, unknown>)[key];
  }
}
