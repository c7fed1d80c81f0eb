import { CHENGYU_PRICING_STANDARD_2026_1 } from '@app/pricing';
import { CHENGYU_RECOGNITION_2026_1, marketDayOf } from '@app/recognition';
import { check, type Post } from './demo-seeder';
import {
  DEMO_INCLUSION_ISSUANCES,
  DEMO_PENDING_PRICING_VERSION,
  DEMO_RECOGNITIONS,
  DEMO_SO2_TRANSFER,
  type DemoInclusionIssuance,
} from './demo-joint-market-data';

const KEYS = [
  { regulator: 'SC-DEE', jurisdiction: 'SC', actor: 'regulator-sc' },
  { regulator: 'CQ-EEB', jurisdiction: 'CQ', actor: 'regulator-cq' },
] as const;

/**
 * The joint market of issue #6, for the regulators' screens: both regulators adopt the recognition
 * agreement preset and a `recognition-only` market mode (two keys each) and the pricing standard preset
 * (another version awaits Chongqing's key); carbon-inclusion credits are issued from activity records in
 * both provinces; two Sichuan 碳惠天府 blocks are recognised in Chongqing (the sagas complete in the
 * background); a Chongqing SO2 transfer to Sichuan waits for the buyer's regulator. Fixed ids: a
 * restart on the same data changes nothing (decisions already taken on an earlier day are left as they are).
 */
export async function seedDemoJointMarket(post: Post, nowMs: number): Promise<void> {
  const today = marketDayOf(nowMs);
  await adoptRecognitionAgreement(post);
  await adoptMarketMode(post, today);
  await adoptPricingStandards(post, today);
  const blocks = new Map<string, IssuedBlock>();
  for (const issuance of DEMO_INCLUSION_ISSUANCES)
    blocks.set(issuance.issuanceId, await issueInclusionCredits(post, issuance));
  for (const r of DEMO_RECOGNITIONS) await recognise(post, r, blocks.get(r.issuanceId)!);
  await requestSo2Transfer(post);
}

interface IssuedBlock {
  start: number;
  end: number;
}

/** A decision of an earlier start (on another day) is not taken again: its "already" refusal is fine. */
async function decide(what: string, call: Promise<{ status: number; body: unknown }>): Promise<void> {
  const answer = await call;
  const code = (answer.body as { code?: string } | undefined)?.code ?? '';
  if (/ALREADY_APPROVED|VERSION_EXISTS|COMMAND_ID_CONFLICT/.test(code)) return;
  await check(what, Promise.resolve(answer));
}

async function adoptRecognitionAgreement(post: Post): Promise<void> {
  const { version } = CHENGYU_RECOGNITION_2026_1;
  await decide(
    'proposing the recognition agreement',
    post('/recognition/agreements', {
      commandId: 'demo-recognition-propose',
      actor: 'regulator-sc',
      regulator: 'SC-DEE',
      document: CHENGYU_RECOGNITION_2026_1,
    }),
  );
  for (const key of KEYS)
    await decide(
      `approving the recognition agreement (${key.jurisdiction})`,
      post(`/recognition/agreements/${version}/approvals`, {
        commandId: `demo-recognition-approve-${key.jurisdiction}`,
        actor: key.actor,
        regulator: key.regulator,
        jurisdiction: key.jurisdiction,
        effectiveFrom: '2026-04-01',
      }),
    );
}

async function adoptMarketMode(post: Post, today: string): Promise<void> {
  const version = 'demo-recognition-only';
  await decide(
    'proposing the recognition-only market mode',
    post('/market-mode/decisions', {
      regulator: 'CQ-EEB',
      document: { version, mode: 'recognition-only', note: '川渝碳普惠互认：信用跨省，配额各自' },
    }),
  );
  for (const key of KEYS)
    await decide(
      `approving the market mode (${key.jurisdiction})`,
      post(`/market-mode/decisions/${version}/approvals`, {
        regulator: key.regulator,
        jurisdiction: key.jurisdiction,
        effectiveFrom: today,
      }),
    );
}

async function adoptPricingStandards(post: Post, today: string): Promise<void> {
  const adopted = CHENGYU_PRICING_STANDARD_2026_1;
  const pending = DEMO_PENDING_PRICING_VERSION;
  await decide(
    `proposing pricing standard ${adopted.version}`,
    post('/pricing-standards', {
      commandId: 'demo-pricing-propose-adopted',
      regulator: 'CQ-EEB',
      document: adopted,
    }),
  );
  for (const key of KEYS)
    await decide(
      `approving pricing standard ${adopted.version} (${key.jurisdiction})`,
      post(`/pricing-standards/${adopted.version}/approvals`, {
        commandId: `demo-pricing-approve-${adopted.version}-${key.jurisdiction}`,
        province: key.jurisdiction,
        regulator: key.regulator,
        effectiveFrom: today,
      }),
    );
  // Sichuan proposes and approves a revision; Chongqing's key is still to come (the approvals screen).
  await decide(
    `proposing pricing standard ${pending.version}`,
    post('/pricing-standards', {
      commandId: 'demo-pricing-propose-pending',
      regulator: 'SC-DEE',
      document: pending,
    }),
  );
  await decide(
    `approving pricing standard ${pending.version} (SC)`,
    post(`/pricing-standards/${pending.version}/approvals`, {
      commandId: `demo-pricing-approve-${pending.version}-SC`,
      province: 'SC',
      regulator: 'SC-DEE',
      effectiveFrom: today,
    }),
  );
}

async function issueInclusionCredits(post: Post, issuance: DemoInclusionIssuance): Promise<IssuedBlock> {
  const { jurisdiction, holderAccountId } = issuance;
  await check(
    `opening ${holderAccountId} in ${jurisdiction}`,
    post(`/registries/${jurisdiction}/accounts`, {
      actor: 'system:demo',
      commandId: `demo-open-${jurisdiction}-${holderAccountId}`,
      accountId: holderAccountId,
      accountType: 'ENTERPRISE_HOLDING',
    }),
    [409],
  );
  const answer = (await check(
    `issuing carbon-inclusion credits ${issuance.issuanceId}`,
    post(`/registries/${jurisdiction}/carbon-inclusion/issuances`, {
      commandId: `demo-ci-${issuance.issuanceId}`,
      actor: issuance.platform,
      issuanceId: issuance.issuanceId,
      holderAccountId,
      records: issuance.records,
    }),
  )) as { blocks: IssuedBlock[] };
  return answer.blocks[0]!;
}

/** The household sells its block to a Chongqing firm's Sichuan account; the firm has it recognised in Chongqing. */
async function recognise(
  post: Post,
  r: (typeof DEMO_RECOGNITIONS)[number],
  block: IssuedBlock,
): Promise<void> {
  const serials = { serialStart: block.start, serialEnd: block.end };
  await check(
    `opening ${r.buyer} in SC`,
    post('/registries/SC/accounts', {
      actor: 'system:demo',
      commandId: `demo-open-SC-${r.buyer}`,
      accountId: r.buyer,
      accountType: 'ENTERPRISE_HOLDING',
    }),
    [409],
  );
  await check(
    `transferring ${r.issuanceId} to ${r.buyer}`,
    post('/registries/SC/transfers', {
      commandId: `demo-ci-sale-${r.requestId}`,
      actor: r.seller,
      from: r.seller,
      to: r.buyer,
      ...serials,
    }),
  );
  await check(
    `requesting recognition ${r.requestId}`,
    post('/recognition/requests', {
      requestId: r.requestId,
      actor: r.buyer,
      holderId: r.buyer,
      origin: 'SC',
      destination: 'CQ',
      ...serials,
      projectType: r.projectType,
      use: r.use,
    }),
  );
}

async function requestSo2Transfer(post: Post): Promise<void> {
  const t = DEMO_SO2_TRANSFER;
  await check(
    `issuing SO2 to ${t.sellerAccountId}`,
    post('/registries/CQ/issuances', {
      commandId: `demo-so2-${t.sellerAccountId}`,
      actor: 'regulator-cq',
      accountId: t.sellerAccountId,
      kind: 'POLLUTANT_SO2',
      vintage: t.vintage,
      quantity: t.issued,
    }),
  );
  // 409: an earlier start's request, decided or expired since.
  await check(
    `requesting cross-province transfer ${t.transferId}`,
    post('/cross-province-transfers', {
      commandId: `demo-xp-request-${t.transferId}`,
      actor: t.sellerAccountId,
      transferId: t.transferId,
      from: 'CQ',
      sellerAccountId: t.sellerAccountId,
      to: 'SC',
      buyerAccountId: t.buyerAccountId,
      kind: 'POLLUTANT_SO2',
      vintage: t.vintage,
      quantity: t.quantity,
      priceFen: t.priceFen,
      approvalWindowHours: 24 * 90,
    }),
    [409],
  );
  await check(
    `approving the outflow of ${t.transferId}`,
    post(`/cross-province-transfers/${t.transferId}/outflow-decision`, {
      commandId: `demo-xp-outflow-${t.transferId}`,
      actor: 'regulator-cq',
      regulator: 'CQ-EEB',
      decision: 'approve',
    }),
    [409],
  );
}
