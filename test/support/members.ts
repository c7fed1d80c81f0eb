import { postJson } from './http';

/**
 * Registers a member and funds it with cash (fen) and units, so pre-trade risk lets its orders
 * through. On a gateway without member accounts (POST /members answers 404) it does nothing.
 */
export async function fundMember(
  baseUrl: string,
  memberId: string,
  funds: { cash?: number; units?: Record<string, number>; jurisdiction?: string } = {},
): Promise<void> {
  const registered = await postJson(`${baseUrl}/members`, {
    memberId,
    name: `member ${memberId}`,
    jurisdiction: funds.jurisdiction ?? 'SC',
  });
  if (registered.status === 404) return;
  if (registered.status !== 201 && registered.status !== 409)
    throw new Error(`POST /members answered ${registered.status}: ${JSON.stringify(registered.body)}`);
  const check = (what: string, r: { status: number; body: unknown }) => {
    if (r.status >= 300) throw new Error(`${what} answered ${r.status}: ${JSON.stringify(r.body)}`);
  };
  if (funds.cash)
    check(
      'cash deposit',
      await postJson(`${baseUrl}/members/${memberId}/cash-deposits`, {
        amount: funds.cash,
        reference: `fund-${memberId}`,
      }),
    );
  for (const [instrument, qty] of Object.entries(funds.units ?? {}))
    check(
      'unit deposit',
      await postJson(`${baseUrl}/members/${memberId}/unit-deposits`, {
        instrument,
        qty,
        registryTransfer: `fund-${memberId}-${instrument}`,
      }),
    );
}
