import type { DemoData } from './demo-data';

export type Post = (path: string, body: unknown) => Promise<{ status: number; body: unknown }>;

/** The answer's body, or an error naming the demo step when the API refused it (`alsoFine`: accepted statuses ≥ 300). */
export async function check(
  what: string,
  call: Promise<{ status: number; body: unknown }>,
  alsoFine: number[] = [],
): Promise<unknown> {
  const { status, body } = await call;
  if (status >= 300 && !alsoFine.includes(status))
    throw new Error(`demo: ${what} answered ${status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * Opens the demo enterprises' holding accounts in their province's registry and makes each an
 * exchange member with starting cash. Units of the provinces' allowances come from the registry
 * (`seedDemoCompliance` deposits part of each firm's allocation into custody); units of the
 * instruments whose registry is outside this system (CCER, national) are credited by reference.
 * Every command has a fixed id or reference, so starting again on the same data changes nothing.
 */
export async function seedDemo(demo: DemoData, post: Post): Promise<void> {
  for (const e of demo.enterprises) {
    await check(
      `opening ${e.id}`,
      post(`/registries/${e.jurisdiction}/accounts`, {
        actor: 'system:demo',
        commandId: `demo-open-${e.id}`,
        accountId: e.id,
        accountType: 'ENTERPRISE_HOLDING',
      }),
    );
    // 409: already a member from an earlier start on the same data.
    await check(
      `registering ${e.id}`,
      post('/members', { memberId: e.id, name: e.nameZh, jurisdiction: e.jurisdiction }),
      [409],
    );
    await check(
      `funding ${e.id}`,
      post(`/members/${e.id}/cash-deposits`, {
        amount: demo.trading.startingCash,
        reference: `demo-cash-${e.id}`,
      }),
    );
    for (const instrument of demo.trading.instruments.filter(outsideRegistries))
      await check(
        `depositing ${instrument} for ${e.id}`,
        post(`/members/${e.id}/unit-deposits`, {
          instrument,
          qty: demo.trading.startingUnits,
          registryTransfer: `demo-units-${e.id}-${instrument}`,
        }),
      );
  }
}

/** The national CCER registry is not part of this system: its units are credited by reference. */
const outsideRegistries = (symbol: string): boolean => !/^(CQ|SC)/.test(symbol);

/** A `Post` against a running service's base URL. */
/** `headers`: fixed, or per request body (e.g. credentials of whoever the body acts as). */
export function httpPost(
  baseUrl: string,
  headers: Record<string, string> | ((body: unknown) => Record<string, string>) = {},
): Post {
  return async (path, body) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: {
        ...(typeof headers === 'function' ? headers(body) : headers),
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}
