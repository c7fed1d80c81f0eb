import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { parseAppConfig, RunningService, startService } from '@app/platform';
import { sandboxService } from '../apps/sandbox/src/sandbox.app';
import { eventually, getJson, postJson, requestHeaders } from './support/http';
import { fundMember } from './support/members';
import { FuzzRequest, OpenApiDocument, operationsOf, requestArbitrary } from './support/openapi-fuzz';

/** Same seed, same requests: `FUZZ_SEED=<seed printed by a failure>` replays a failing run. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
/** Requests per endpoint. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const MEMBER = 'fuzz-member';

interface Finding {
  request: FuzzRequest;
  status: number;
  problem: string;
}

/**
 * Every endpoint of the OpenAPI document the services publish (the sandbox serves the gateway's,
 * the exchange's and the registry's), called with property-based requests built from its schema:
 * wrong types, huge and negative numbers, unicode, long strings, injection strings, missing and
 * extra fields, malformed JSON, wrong content types. Never a 5xx; a refused request (4xx), and
 * any GET, leaves the event store's position and every table's row count as they were.
 */
describe('fuzzing every endpoint from the OpenAPI document', () => {
  let service: RunningService;
  let dataSource: DataSource;
  let document: OpenApiDocument;
  let fingerprintSql = '';
  /** A real order, so amends, cancels and status reads of it get past "unknown order". */
  let restingOrderId = '';

  /** The event store's position and the row count of every table, in one statement. */
  const fingerprint = async (): Promise<Record<string, number>> =>
    ((await dataSource.query(fingerprintSql)) as { f: Record<string, number> }[])[0].f;
  /** After an accepted request, its consequences (outbox consumers, projections) settle before the next. */
  const settled = () => {
    let last = '';
    return eventually(
      async () => {
        const now = JSON.stringify(await fingerprint());
        const same = now === last;
        last = now;
        if (!same) await new Promise((r) => setTimeout(r, 100));
        return same ? true : undefined;
      },
      15_000,
      'the accepted request to settle',
    );
  };

  beforeAll(async () => {
    service = await startService(
      sandboxService(parseAppConfig({ PORT: '0', LOG_LEVEL: 'fatal', DEMO: 'off' })),
    );
    dataSource = service.app.get(DataSource, { strict: false });
    const tables = (
      (await dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      )) as { table_name: string }[]
    ).map((t) => t.table_name);
    fingerprintSql = `SELECT json_build_object('events.position', (SELECT coalesce(max(global_position), 0) FROM events), ${tables
      .map((t) => `'${t}', (SELECT count(*) FROM "${t}")`)
      .join(', ')}) AS f`;
    document = await getJson<OpenApiDocument>(`${service.url}/docs/json`);
    // Something real for the well-formed part of the requests to find: a funded member, a registry account.
    await fundMember(service.url, MEMBER, {
      cash: 1_000_000_000,
      units: { CCER: 10_000 },
      jurisdiction: 'CQ',
    });
    await postJson(`${service.url}/registries/CQ/accounts`, {
      commandId: `open-${MEMBER}`,
      actor: 'regulator:cq',
      accountId: MEMBER,
      accountType: 'ENTERPRISE_HOLDING',
    });
    const resting = await postJson(`${service.url}/orders`, {
      instrument: 'CCER',
      account: MEMBER,
      side: 'buy',
      price: 8000,
      qty: 1,
      clientOrderId: 'fuzz-resting',
    });
    restingOrderId = resting.body.orderId as string;
    await settled();
  }, 120_000);

  afterAll(() => service?.close());

  it('answers every generated request below 500, and a refused one changes nothing', async () => {
    const operations = operationsOf(document);
    const knownValues: Record<string, unknown[]> = {
      memberId: [MEMBER],
      account: [MEMBER],
      accountId: [MEMBER],
      jurisdiction: ['CQ', 'SC'],
      symbol: ['CQEA-2025', 'CCER'],
      instrument: ['CQEA-2025', 'CCER'],
      orderId: [restingOrderId],
    };
    const findings: Finding[] = [];
    const byStatus = new Map<number, number>();
    let sent = 0;
    for (const [index, operation] of operations.entries()) {
      const requests = fc.sample(requestArbitrary(operation, document, { knownValues }), {
        seed: SEED + index,
        numRuns: RUNS,
      });
      for (const request of requests) {
        const before = await fingerprint();
        const status = await send(service.url, request);
        sent++;
        byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
        if (status >= 500) findings.push({ request, status, problem: 'server error' });
        if (status < 300 && request.method !== 'GET') {
          await settled();
          continue;
        }
        let changed = changedBy(before, await fingerprint());
        if (changed.length) {
          // Maybe a late consequence of an earlier accepted request (a retried message): once all
          // is quiet, the same request again must change nothing.
          await settled();
          const quiet = await fingerprint();
          const again = await send(service.url, request);
          changed = again < 300 ? [] : changedBy(quiet, await fingerprint());
        }
        if (changed.length)
          findings.push({ request, status, problem: `a refused request changed ${changed.join(', ')}` });
      }
    }
    process.stdout.write(
      `fuzz: ${operations.length} endpoints, ${sent} requests (seed ${SEED}, ${RUNS} per endpoint), ` +
        `by status ${JSON.stringify(Object.fromEntries([...byStatus].sort(([a], [b]) => a - b)))}, ` +
        `${findings.length} findings\n`,
    );
    if (findings.length)
      process.stdout.write(
        `fuzz findings (replay with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}):\n${findings
          .map((f) => `  ${f.status} ${f.problem}: ${show(f.request)}`)
          .join('\n')}\n`,
      );
    expect(findings.map((f) => `${f.status} ${f.problem}: ${show(f.request)}`)).toEqual([]);
  }, 300_000);
});

function changedBy(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(after).filter((k) => after[k] !== before[k]);
}

async function send(baseUrl: string, request: FuzzRequest): Promise<number> {
  const response = await fetch(`${baseUrl}${request.url}`, {
    method: request.method,
    headers: { ...requestHeaders(), ...(request.contentType ? { 'content-type': request.contentType } : {}) },
    ...(request.body !== undefined ? { body: request.body } : {}),
  });
  await response.arrayBuffer();
  return response.status;
}

function show(request: FuzzRequest): string {
  const body = request.body === undefined ? '' : ` ${request.contentType} ${request.body.slice(0, 300)}`;
  return `${request.method} ${request.url.slice(0, 300)}${body}`;
}
