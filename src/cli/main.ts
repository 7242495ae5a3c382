import { main as doctor } from '../doctor/cli.js';
import { type BulkIo, bulkCommand } from './bulk.js';

const OTHER_COMMANDS = `
Also: bfinance-cards bulk issue|topup --csv FILE --journal FILE issues or funds cards in bulk,
exactly once across crashes and re-runs (bfinance-cards bulk --help).
`;

/** Runs `bfinance-cards <command>`: `bulk …`, else the doctor; resolves to the exit status. */
export async function main(io: BulkIo): Promise<number> {
  if (io.argv[0] === 'bulk') return bulkCommand({ ...io, argv: io.argv.slice(1) });
  const code = await doctor(io);
  if (io.argv[0] === '--help' || io.argv[0] === '-h') io.out(OTHER_COMMANDS);
  return code;
}
