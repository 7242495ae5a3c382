import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { JournalLockedError, type LockHolder } from './errors.js';
import type { JournalStore } from './types.js';

/** How often a run renews its lock. */
const HEARTBEAT_MS = 5_000;

/** A held run lock: stop the heartbeat and remove the lock with `release()`. */
export interface HeldLock {
  /** Aborted when another run took the lock over (this run's heartbeat stopped for too long). */
  readonly lost: AbortSignal;
  /** Stops the heartbeat and removes the lock, if it is still this run's. */
  release(): Promise<void>;
}

function parse(text: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(text) as LockHolder;
    return typeof holder.pid === 'number' && typeof holder.beat === 'number' ? holder : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process of this host still runs (EPERM: it runs under another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

/** Why a lock may be taken over, or undefined while its holder may still run. */
function staleness(holder: LockHolder | undefined, staleMs: number): string | undefined {
  if (holder === undefined) return 'it is unreadable';
  if (holder.host === hostname() && !alive(holder.pid)) return `process ${holder.pid} is gone`;
  const age = Date.now() - holder.beat;
  return age > staleMs ? `its heartbeat is ${Math.round(age / 1000)} s old` : undefined;
}

/**
 * Takes the journal's run lock, recording process, host and a heartbeat renewed every 5 s. A
 * lock whose process is gone (same host) or whose heartbeat is older than `staleMs` is taken
 * over, with a message.
 *
 * @throws {JournalLockedError} while another live run holds it.
 */
export async function takeLock(
  store: JournalStore,
  staleMs: number,
  message: (text: string) => void,
): Promise<HeldLock> {
  const token = randomBytes(8).toString('hex');
  const mine = (): string =>
    JSON.stringify({ pid: process.pid, host: hostname(), beat: Date.now(), token } satisfies LockHolder);
  let current = mine();
  for (let attempt = 0; ; attempt++) {
    if (await store.swapLock(undefined, current)) break;
    const found = await store.readLock();
    if (found === undefined) continue;
    const holder = parse(found);
    const why = staleness(holder, staleMs);
    if (why === undefined || attempt > 2)
      throw new JournalLockedError(holder ?? { pid: 0, host: 'unknown', beat: 0, token: '' });
    if (await store.swapLock(found, current)) {
      message(
        `journal: took over the lock of process ${holder?.pid ?? '?'} on ${holder?.host ?? '?'}: ${why}.`,
      );
      break;
    }
  }
  const lost = new AbortController();
  let beating: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    const next = mine();
    beating = store.swapLock(current, next).then(
      (renewed) => {
        if (renewed) current = next;
        else lost.abort();
      },
      () => undefined,
    );
  }, HEARTBEAT_MS);
  timer.unref?.();
  return {
    lost: lost.signal,
    async release() {
      clearInterval(timer);
      // A heartbeat in flight would replace the lock under the release's feet.
      await beating;
      await store.swapLock(current, undefined);
    },
  };
}
