/** Which kind of funding movement a call makes. */
export type MovementKind = 'topup' | 'withdraw';

/**
 * What a listed transaction type says about a movement: a funding kind a call makes, `other`
 * funding no top-up or withdrawal call makes (an initial balance), `spend` for card activity the
 * SDK knows (purchases, refunds, fees…), or undefined for a type the SDK does not recognise.
 */
export type ListedKind = MovementKind | 'other' | 'spend';

// The API documents no value set for transaction `type`; these spellings cover the usual ones.
// A type outside every set is unknown, and an unknown type can still be the call's movement.
const KNOWN_TYPES: Readonly<Record<ListedKind, ReadonlySet<string>>> = {
  topup: new Set(['topup', 'deposit', 'load', 'fund', 'funding', 'cardtopup', 'budgettopup']),
  withdraw: new Set(['withdraw', 'withdrawal', 'unload', 'cardwithdraw', 'cardwithdrawal']),
  // Funding that no top-up or withdrawal call makes, e.g. a card's initial balance at issuance.
  // `transfer` is not here: a server may well call a top-up (organization → card) a transfer.
  other: new Set(['issue', 'issuance', 'initialbalance', 'initialload', 'reissue']),
  spend: new Set([
    'purchase',
    'payment',
    'spend',
    'sale',
    'authorization',
    'authorisation',
    'auth',
    'capture',
    'pos',
    'ecommerce',
    'atm',
    'atmwithdrawal',
    'cashwithdrawal',
    'refund',
    'reversal',
    'chargeback',
    'fee',
    'decline',
    'declined',
  ]),
};

function normalType(type: string | null | undefined): string {
  return (type ?? '').toLowerCase().replace(/[^a-z]/g, '');
}

/**
 * The kind of a listed transaction type (see {@link ListedKind}); undefined for a missing type
 * or one the SDK does not recognise.
 */
export function listedKind(type: string | null | undefined): ListedKind | undefined {
  const normal = normalType(type);
  for (const kind of ['topup', 'withdraw', 'other', 'spend'] as const) {
    if (KNOWN_TYPES[kind].has(normal)) return kind;
  }
  return undefined;
}

/**
 * The funding kind of a listed transaction type: `topup`, `withdraw`, `other` for funding no
 * top-up or withdrawal call makes (an initial balance), undefined for spend, refunds and the rest.
 */
export function movementKind(type: string | null | undefined): MovementKind | 'other' | undefined {
  const kind = listedKind(type);
  return kind === 'spend' ? undefined : kind;
}
