import { InstrumentCatalogue } from '@app/platform';
import { depositThroughCustody } from '@app/platform/testing';
import { getJson, postJson } from './http';

const catalogue = InstrumentCatalogue.load('seeds');

/**
 * Registers a member and funds it with cash (fen) and units, so pre-trade risk lets its orders
 * through. Units of a registry this system keeps (CQ, SC) are issued to the member's account in
 * that registry and deposited into the exchange's custody (`registryUrl`, default `baseUrl`: the
 * sandbox serves both), as a member would; others (CCER) are credited by reference. On a gateway
 * without member accounts (POST /members answers 404) it does nothing.
 */
export async function fundMember(
  baseUrl: string,
  memberId: string,
  funds: { cash?: number; units?: Record<string, number>; jurisdiction?: string; registryUrl?: string } = {},
): Promise<void> {
  const registered = await postJson(`${baseUrl}/members`, {
    memberId,
    name: `member ${memberId}`,
    jurisdiction: funds.jurisdiction ?? 'SC',
  });
  if (registered.status === 404) return;
  if (registered.status !== 201 && registered.status !== 409)
    throw new Error(`POST /members answered ${registered.status}: ${JSON.stringify(registered.body)}`);
  if (funds.cash)
    check(
      'cash deposit',
      await postJson(`${baseUrl}/members/${memberId}/cash-deposits`, {
        amount: funds.cash,
        reference: `fund-${memberId}`,
      }),
    );
  for (const [instrument, qty] of Object.entries(funds.units ?? {})) {
    const definition = catalogue.get(instrument);
    if (definition && (definition.jurisdiction === 'CQ' || definition.jurisdiction === 'SC'))
      await depositThroughCustody(
        { post: postJson, get: getJson },
        { gateway: baseUrl, registry: funds.registryUrl ?? baseUrl },
        memberId,
        definition,
        qty,
      );
    else
      check(
        'unit deposit',
        await postJson(`${baseUrl}/members/${memberId}/unit-deposits`, {
          instrument,
          qty,
          registryTransfer: `fund-${memberId}-${instrument}`,
        }),
      );
  }
}

function check(what: string, r: { status: number; body: unknown }): void {
  if (r.status >= 300) throw new Error(`${what} answered ${r.status}: ${JSON.stringify(r.body)}`);
}
