interface RuntimeGlobals {
  Bun?: { version?: string };
  Deno?: { version?: { deno?: string } };
  EdgeRuntime?: string;
  navigator?: { userAgent?: string };
  process?: { versions?: { node?: string }; env?: Record<string, string | undefined> };
}

/** Names the JavaScript runtime and its version, e.g. `node/20.20.2`, for the User-Agent. */
export function runtimeName(): string {
  const g = globalThis as RuntimeGlobals;
  if (g.Bun?.version) return `bun/${g.Bun.version}`;
  if (g.Deno?.version?.deno) return `deno/${g.Deno.version.deno}`;
  if (typeof g.EdgeRuntime === 'string') return 'edge-light';
  if (g.navigator?.userAgent === 'Cloudflare-Workers') return 'workerd';
  if (g.process?.versions?.node) return `node/${g.process.versions.node}`;
  return 'unknown';
}

/** Reads an environment variable where there is a `process` (not on edge runtimes). */
export function readEnv(name: string): string | undefined {
  const g = globalThis as RuntimeGlobals;
  return typeof g.process === 'object' ? g.process.env?.[name] : undefined;
}
