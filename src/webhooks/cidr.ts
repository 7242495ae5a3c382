/** An address as 16 bytes: IPv4 is held as its IPv4-mapped IPv6 form, so both compare alike. */
export type Address = Uint8Array;

/** A parsed allowlist entry: an address and how many leading bits must match. */
export interface Range {
  readonly base: Address;
  readonly bits: number;
}

const V4_PART = /^(?:0|[1-9]\d{0,2})$/;
const V6_GROUP = /^[0-9a-f]{1,4}$/i;

function parseV4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => V4_PART.test(p) && Number(p) <= 255)) return undefined;
  return parts.map(Number);
}

function v4Mapped(bytes: number[]): Address {
  const out = new Uint8Array(16);
  out[10] = 0xff;
  out[11] = 0xff;
  out.set(bytes, 12);
  return out;
}

function parseV6(text: string): Address | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  const words: number[][] = [];
  for (const [h, list] of groups.entries()) {
    const out: number[] = [];
    for (const [i, group] of list.entries()) {
      const last = h === groups.length - 1 && i === list.length - 1;
      const v4 = last && group.includes('.') ? parseV4(group) : undefined;
      if (v4 !== undefined) out.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      else if (V6_GROUP.test(group)) out.push(Number.parseInt(group, 16));
      else return undefined;
    }
    words.push(out);
  }
  const [head = [], tail = []] = words;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...new Array<number>(halves.length === 1 ? 0 : missing).fill(0), ...tail];
  const out = new Uint8Array(16);
  for (const [i, word] of all.entries()) {
    out[i * 2] = word >> 8;
    out[i * 2 + 1] = word & 0xff;
  }
  return out;
}

/** Parses an IPv4 or IPv6 address (an IPv6 zone such as `%eth0` is ignored); undefined when malformed. */
export function parseAddress(text: string): Address | undefined {
  const bare = text.trim();
  const v4 = parseV4(bare);
  if (v4 !== undefined) return v4Mapped(v4);
  const zone = bare.indexOf('%');
  return parseV6(zone >= 0 ? bare.slice(0, zone) : bare);
}

/**
 * Parses an address or a CIDR range (`203.0.113.0/24`, `2001:db8::/32`); a bare address is a range
 * of one. An IPv4 prefix counts from the start of the IPv4 part. Undefined when malformed.
 */
export function parseRange(text: string): Range | undefined {
  const slash = text.indexOf('/');
  const base = parseAddress(slash < 0 ? text : text.slice(0, slash));
  if (base === undefined) return undefined;
  if (slash < 0) return { base, bits: 128 };
  const prefix = text.slice(slash + 1).trim();
  if (!/^\d{1,3}$/.test(prefix)) return undefined;
  const v4 = parseV4(text.slice(0, slash).trim()) !== undefined;
  const bits = Number(prefix) + (v4 ? 96 : 0);
  if (bits > 128) return undefined;
  return { base, bits };
}

/** True when `address` lies in `range`. */
export function inRange(address: Address, range: Range): boolean {
  const full = range.bits >> 3;
  for (let i = 0; i < full; i++) if (address[i] !== range.base[i]) return false;
  const rest = range.bits & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return ((address[full] ?? 0) & mask) === ((range.base[full] ?? 0) & mask);
}

/** True when `address` lies in any of `ranges`. */
export function inAny(address: Address, ranges: readonly Range[]): boolean {
  return ranges.some((range) => inRange(address, range));
}
