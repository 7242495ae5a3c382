import { EXIT, type ExitCode } from './exit-codes.js';

/**
 * Reads a command's arguments with `read` (which throws on a refused one): a refused argument
 * writes its reason and `usage` to stderr, `--help` writes `usage` to stdout, and either way the
 * exit status to end with comes back instead of the arguments.
 */
export function readArgs<T extends { values: { help?: boolean | undefined } }>(
  io: { out: (text: string) => void; err: (text: string) => void },
  usage: string,
  read: () => T,
): T | ExitCode {
  let args: T;
  try {
    args = read();
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : 'Invalid arguments.'}\n\n${usage}`);
    return EXIT.usage;
  }
  if (args.values.help) {
    io.out(usage);
    return EXIT.ok;
  }
  return args;
}
