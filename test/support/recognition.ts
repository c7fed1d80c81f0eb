import { CHENGYU_RECOGNITION_2026_1 } from '@app/recognition';
import type { RecognitionRequestView } from '../../apps/registry/src/recognition/request/recognition-request.view';
import { eventually, getJson, postJson } from './http';

type Json = Record<string, unknown>;

/** Posts and fails the test with the answer when the status is not the expected one. */
export async function expectPost(url: string, body: Json, status: number): Promise<Json> {
  const answer = await postJson(url, body);
  if (answer.status !== status)
    throw new Error(
      `POST ${url} answered ${answer.status}, expected ${status}: ${JSON.stringify(answer.body)}`,
    );
  return answer.body;
}

/** Both regulators adopt the preset agreement 2026.1 from 1 April 2026 (two keys). */
export async function adoptChengyuAgreement(url: string): Promise<Json> {
  await expectPost(
    `${url}/recognition/agreements`,
    {
      commandId: 'agree-propose',
      actor: 'SC-DEE',
      regulator: 'SC-DEE',
      document: CHENGYU_RECOGNITION_2026_1,
    },
    201,
  );
  for (const [regulator, jurisdiction] of [
    ['SC-DEE', 'SC'],
    ['CQ-EEB', 'CQ'],
  ] as const)
    await expectPost(
      `${url}/recognition/agreements/2026.1/approvals`,
      {
        commandId: `agree-${jurisdiction}`,
        actor: regulator,
        regulator,
        jurisdiction,
        effectiveFrom: '2026-04-01',
      },
      201,
    );
  return getJson<Json>(`${url}/recognition/agreements/2026.1`);
}

/** Opens `accountId` in the registry (201, or 409 when it exists) and issues it a block; returns its first serial. */
export async function issueCredits(
  url: string,
  j: 'CQ' | 'SC',
  accountId: string,
  block: { kind: string; vintage: number; projectId: string; quantity: number; commandId: string },
): Promise<number> {
  await openAccount(url, j, accountId);
  const issued = await expectPost(
    `${url}/registries/${j}/issuances`,
    { actor: `regulator:${j}`, accountId, ...block },
    201,
  );
  return (issued.blocks as { start: number }[])[0]!.start;
}

export async function openAccount(url: string, j: 'CQ' | 'SC', accountId: string): Promise<void> {
  const opened = await postJson(`${url}/registries/${j}/accounts`, {
    commandId: `open-${j}-${accountId}`,
    actor: `regulator:${j}`,
    accountId,
    accountType: 'ENTERPRISE_HOLDING',
  });
  if (opened.status !== 201 && opened.status !== 409) throw new Error(`open ${accountId}: ${opened.status}`);
}

/** Polls the request until it reaches a terminal status. */
export function settled(url: string, requestId: string, timeoutMs = 20_000): Promise<RecognitionRequestView> {
  return reaches(url, requestId, ['completed', 'compensated', 'rejected'], timeoutMs);
}

/** Polls the request until its status is one of `statuses`. */
export function reaches(
  url: string,
  requestId: string,
  statuses: readonly string[],
  timeoutMs = 20_000,
): Promise<RecognitionRequestView> {
  return eventually(
    async () => {
      const r = await getJson<RecognitionRequestView>(`${url}/recognition/requests/${requestId}`);
      return statuses.includes(r.status) ? r : undefined;
    },
    timeoutMs,
    `request ${requestId} to reach ${statuses.join(' or ')}`,
  );
}
