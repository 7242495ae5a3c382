/** `n` rows that each issue one standalone card of `typeId`, refs `E-0`… */
export function issueRows(typeId: string, n: number) {
  return Array.from({ length: n }, (_, i) => ({
    ref: `E-${i}`,
    model: 'card' as const,
    typeId,
    initialBalance: 5,
    firstName: 'Ada',
    lastName: 'Lovelace',
  }));
}
