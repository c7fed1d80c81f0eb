import { InstrumentCatalogue } from '@app/platform';
import { eventually, getJson, postJson } from './http';

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
    const jurisdiction = catalogue.get(instrument)?.jurisdiction;
    if (jurisdiction === 'CQ' || jurisdiction === 'SC')
      await depositThroughCustody(baseUrl, funds.registryUrl ?? baseUrl, memberId, instrument, qty);
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

/**
 * Units into the exchange as a member moves them: the regulator opens the member's holding account
 * and issues `qty` to it, the member deposits them into custody, and the exchange credits them
 * (asynchronously: this waits until the member's available holding has them).
 */
export async function depositThroughCustody(
  gatewayUrl: string,
  registryUrl: string,
  memberId: string,
  instrument: string,
  qty: number,
): Promise<void> {
  const definition = catalogue.get(instrument);
  if (!definition) throw new Error(`unknown instrument ${instrument}`);
  const j = definition.jurisdiction;
  const regulator = `regulator:${j.toLowerCase()}`;
  const before = await availableUnits(gatewayUrl, memberId, instrument);
  const opened = await postJson(`${registryUrl}/registries/${j}/accounts`, {
    commandId: `fund-account-${memberId}`,
    actor: regulator,
    accountId: memberId,
    accountType: 'ENTERPRISE_HOLDING',
  });
  if (opened.status !== 201 && opened.status !== 409) check('registry account', opened);
  check(
    'registry issuance',
    await postJson(`${registryUrl}/registries/${j}/issuances`, {
      commandId: `fund-issue-${memberId}-${instrument}`,
      actor: regulator,
      accountId: memberId,
      kind: definition.kind,
      vintage: definition.vintage ?? 2025,
      quantity: qty,
    }),
  );
  check(
    'custody deposit',
    await postJson(`${registryUrl}/registries/${j}/custody-deposits`, {
      commandId: `fund-custody-${memberId}-${instrument}`,
      actor: memberId,
      memberId,
      instrument,
      quantity: qty,
    }),
  );
  await eventually(
    async () => ((await availableUnits(gatewayUrl, memberId, instrument)) >= before + qty ? true : undefined),
    30_000,
    `${qty} ${instrument} credited to ${memberId}`,
  );
}

async function availableUnits(gatewayUrl: string, memberId: string, instrument: string): Promise<number> {
  const positions = await getJson<{ holdings: { instrument: string; available: number }[] }>(
    `${gatewayUrl}/members/${memberId}/positions`,
  );
  return positions.holdings.find((h) => h.instrument === instrument)?.available ?? 0;
}

function check(what: string, r: { status: number; body: unknown }): void {
  if (r.status >= 300) throw new Error(`${what} answered ${r.status}: ${JSON.stringify(r.body)}`);
}
