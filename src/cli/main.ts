import { main as doctor } from '../doctor/cli.js';
import { type BulkIo, bulkCommand } from './bulk.js';

/** Runs `bfinance-cards <command>`: `bulk …`, else the doctor; resolves to the exit status. */
export function main(io: BulkIo): Promise<number> {
  if (io.argv[0] === 'bulk') return bulkCommand({ ...io, argv: io.argv.slice(1) });
  return doctor(io);
}
