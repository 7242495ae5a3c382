// The server every runtime talks to: the package's own sandbox bin (from the installed tarball),
// behind a small proxy on 127.0.0.1 that records each request's User-Agent. The SDK's User-Agent
// names the runtime and the transport it picked, e.g. `bfinance-cards/0.1.0 (node/22.23.3; undici)
// smoke/node22-esm`, so the proxy sees which transport each runtime really used.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running sandbox plus its recording proxy. */
export interface SmokeServer {
  /** API base for the SDK, through the proxy. */
  url: string;
  /** The proxy's port, for runtimes that need a network permission. */
  port: number;
  token: string;
  /** User-Agent headers seen per smoke tag (the `smoke/<tag>` suffix). */
  userAgents(tag: string): string[];
  close(): Promise<void>;
}

function startBin(bin: string, cwd: string): Promise<{ child: ChildProcess; url: URL; token: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--port', '0', '--seed', 'runtimes'], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the sandbox did not start: ${out}`));
    }, 15_000);
    child.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const url = /listening on (\S+)/.exec(out)?.[1];
      const token = /token: (\S+)/.exec(out)?.[1];
      if (url && token) {
        clearTimeout(timer);
        resolve({ child, url: new URL(url), token });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the sandbox exited with ${code}: ${out}`));
    });
  });
}

/** Starts the sandbox bin found at `bin` (run with this Node) and the recording proxy. */
export async function startSmokeServer(bin: string, cwd: string): Promise<SmokeServer> {
  const sandbox = await startBin(bin, cwd);
  const seen = new Map<string, string[]>();
  const proxy = createServer((req, res) => {
    const userAgent = req.headers['user-agent'] ?? '';
    const tag = /\bsmoke\/(\S+)/.exec(userAgent)?.[1] ?? '(untagged)';
    seen.set(tag, [...(seen.get(tag) ?? []), userAgent]);
    const upstream = request(
      {
        host: sandbox.url.hostname,
        port: sandbox.url.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${sandbox.url.pathname}`,
    port,
    token: sandbox.token,
    userAgents: (tag) => seen.get(tag) ?? [],
    close: async () => {
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      sandbox.child.removeAllListeners('exit');
      sandbox.child.kill();
    },
  };
}
