import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, truncate, unlink, writeFile } from 'node:fs/promises';
import type { JournalStore } from './types.js';

const missing = (error: unknown): boolean => (error as { code?: unknown }).code === 'ENOENT';

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (missing(error)) return undefined;
    throw error;
  }
}

/**
 * A journal kept in a file, one line per record, each append flushed to disk before it resolves;
 * its lock is the file `<path>.lock`, created and replaced atomically (link, rename).
 */
export function fileJournal(path: string): JournalStore {
  const lockPath = `${path}.lock`;
  /** Byte length of the file without its last line, as last read. */
  let beforeLast = 0;
  const temp = (): string => `${lockPath}.${randomBytes(6).toString('hex')}.tmp`;
  return {
    async lines() {
      const text = (await readText(path)) ?? '';
      const lines = text.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      const last = lines[lines.length - 1] ?? '';
      const tail = text.endsWith('\n') ? last.length + 1 : last.length;
      beforeLast = Buffer.byteLength(text) - Buffer.byteLength(text.slice(text.length - tail));
      return lines;
    },
    async append(lines) {
      const handle = await open(path, 'a');
      try {
        await handle.appendFile(lines.map((line) => `${line}\n`).join(''));
        await handle.datasync();
      } finally {
        await handle.close();
      }
    },
    async dropLast() {
      await truncate(path, beforeLast);
    },
    readLock: () => readText(lockPath),
    async swapLock(expected, next) {
      if (expected === undefined) {
        if (next === undefined) return (await readText(lockPath)) === undefined;
        const file = temp();
        await writeFile(file, next);
        try {
          await link(file, lockPath);
          return true;
        } catch (error) {
          if ((error as { code?: unknown }).code === 'EEXIST') return false;
          throw error;
        } finally {
          await unlink(file);
        }
      }
      if ((await readText(lockPath)) !== expected) return false;
      if (next === undefined) {
        await unlink(lockPath).catch((error: unknown) => {
          if (!missing(error)) throw error;
        });
        return true;
      }
      const file = temp();
      await writeFile(file, next);
      await rename(file, lockPath);
      return true;
    },
  };
}
