import { INSTRUMENTS, type InstrumentKind } from '@app/domain';

/** The HTTP calls funding makes (the caller's client, with its credentials). */
export interface FundingHttp {
  post(url: string, body: unknown): Promise<{ status: number; body: unknown }>;
  get<T>(url: string): Promise<T>;
}

export interface FundedInstrument {
  symbol: string;
  jurisdiction: string;
  kind: string;
  vintage?: number;
}

/**
 * Units of a CQ/SC instrument onto the exchange as a member moves them (tests, benches, soak):
 * the regulator opens the member's holding account and issues `qty` to it, the member deposits
 * them into the exchange's custody, and the exchange credits them asynchronously; this waits
 * until the member's available holding shows them. Command ids are fixed per member and
 * instrument, so funding again is a replay.
 */
export async function depositThroughCustody(
  http: FundingHttp,
  urls: { gateway: string; registry: string },
  memberId: string,
  instrument: FundedInstrument,
  qty: number,
  timeoutMs = 30_000,
): Promise<void> {
  const j = instrument.jurisdiction;
  const regulator = `regulator:${j.toLowerCase()}`;
  const available = async () =>
    (
      await http.get<{ holdings: { instrument: string; available: number }[] }>(
        `${urls.gateway}/members/${memberId}/positions`,
      )
    ).holdings.find((h) => h.instrument === instrument.symbol)?.available ?? 0;
  const before = await available();
  const opened = await http.post(`${urls.registry}/registries/${j}/accounts`, {
    commandId: `fund-account-${memberId}`,
    actor: regulator,
    accountId: memberId,
    accountType: 'ENTERPRISE_HOLDING',
  });
  if (opened.status !== 409) check('registry account', opened);
  check(
    'registry issuance',
    await http.post(`${urls.registry}/registries/${j}/issuances`, {
      commandId: `fund-issue-${memberId}-${instrument.symbol}`,
      actor: regulator,
      accountId: memberId,
      kind: instrument.kind,
      vintage: instrument.vintage ?? 2025,
      quantity: qty,
      // Credits come from a project; any id will do for funding.
      ...(INSTRUMENTS[instrument.kind as InstrumentKind]?.isCredit
        ? { projectId: `fund-${instrument.symbol}` }
        : {}),
    }),
  );
  check(
    'custody deposit',
    await http.post(`${urls.registry}/registries/${j}/custody-deposits`, {
      commandId: `fund-custody-${memberId}-${instrument.symbol}`,
      actor: memberId,
      memberId,
      instrument: instrument.symbol,
      quantity: qty,
    }),
  );
  for (const deadline = Date.now() + timeoutMs; (await available()) < before + qty;) {
    if (Date.now() > deadline)
      throw new Error(`${qty} ${instrument.symbol} not credited to ${memberId} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function check(what: string, r: { status: number; body: unknown }): void {
  if (r.status >= 300) throw new Error(`${what} answered ${r.status}: ${JSON.stringify(r.body)}`);
}
