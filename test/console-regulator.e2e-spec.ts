import { Page } from 'playwright-core';
import {
  CONSOLE_SCREENSHOTS as SCREENSHOTS,
  ConsoleInBrowser,
  openInEnglish,
  startConsoleInBrowser,
} from './support/console-browser';
import { CHENGYU_RECOGNITION_2026_1 } from '@app/recognition';
import { getJson } from './support/http';
import { expectPost, issueCredits, openAccount, settled } from './support/recognition';

interface AuctionView {
  auctionId: string;
  status: string;
  result?: { clearingPriceFen?: number; sold: number; bidResults: { bidderId: string; awarded: number }[] };
}

/**
 * The regulator's registry screens in Chromium against the sandbox (`npm run build` first):
 * an auction scheduled, bid for by enterprises on their trading screen, watched and cleared.
 */
describe('web console: regulator registry screens in a real browser', () => {
  let app: ConsoleInBrowser;
  let page: Page;
  let url = '';
  const auctionId = 'CQ-E2E-A1';

  beforeAll(async () => {
    app = await startConsoleInBrowser();
    ({ page, url } = app);
    await openInEnglish(page, url);
  }, 150000);

  afterAll(() => app?.stop());

  const signIn = async (user: string) => {
    await page.selectOption('select[name=user]', user);
  };
  const section = (name: string) => page.click(`label:has(input[name=section][value=${name}])`);

  it('the auction form refuses bad input next to each field, before sending anything', async () => {
    await signIn('regulator-cq');
    await section('auctions');
    // The auction account's unlocked 2025 allowances (10 % of the demo cap) are shown to plan the supply.
    await page.waitForSelector('[data-testid=auction-account] >> text=/\\d{3},\\d{3} t/');
    const sent: string[] = [];
    const record = (r: { method: () => string; url: () => string }) =>
      r.method() === 'POST' && sent.push(r.url());
    page.on('request', record);
    await page.fill('input[name=auctionId]', 'bad id!');
    await page.fill('input[name=supply]', '2500');
    await page.fill('input[name=reservePrice]', '30.005');
    await page.fill('input[name=auctionDate]', '2025-02-30');
    await page.fill('input[name=supply]', '2500');
    await page.click('button[name=schedule-auction]');
    expect(await page.textContent('[data-testid=auctionId-error]')).toMatch(/letters, digits/);
    expect(await page.textContent('[data-testid=supply-error]')).toBe('Quantity must be a multiple of 1,000');
    expect(await page.textContent('[data-testid=reservePrice-error]')).toMatch(/at most two decimals/);
    expect(await page.textContent('[data-testid=auctionDate-error]')).toMatch(/real date/);
    await page.fill('input[name=supply]', '100000000');
    await page.click('button[name=schedule-auction]');
    expect(await page.textContent('[data-testid=supply-error]')).toMatch(
      /Not enough unlocked allowances in the auction account \(350,550 t\)/,
    );
    page.off('request', record);
    expect(sent).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/auction-form-errors.png`, fullPage: true });
  });

  it('a refusal from the registry is shown readably, next to the field it names', async () => {
    await page.route('**/registries/CQ/auctions', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 409,
            contentType: 'application/json',
            body: JSON.stringify({
              code: 'REGISTRY.DUPLICATE_AUCTION',
              message: 'auction CQ-X exists',
              field: 'auctionId',
            }),
          })
        : route.fallback(),
    );
    await fillAuction(page, 'CQ-X');
    await page.click('button[name=schedule-auction]');
    await page.waitForSelector(
      '[data-testid=auction-status] >> text=The server refused the request: auction CQ-X exists',
    );
    expect(await page.textContent('[data-testid=auctionId-error]')).toMatch(/auction CQ-X exists/);
    await page.unroute('**/registries/CQ/auctions');
  });

  it('a regulator schedules an auction; it is open with its units locked', async () => {
    await fillAuction(page, auctionId);
    await page.click('button[name=schedule-auction]');
    await page.waitForSelector(`[data-testid=auction-status] >> text=Auction ${auctionId} scheduled`);
    await page.waitForSelector(`[data-testid=auction-row]:has-text("${auctionId}") >> text=Open for bids`);
    const auction = await getJson<AuctionView>(`${url}/registries/CQ/auctions/${auctionId}`);
    expect(auction.status).toBe('open');
  });

  it('enterprises bid on their trading screen: a bid under the reserve is refused at the field, valid ones are sent sealed', async () => {
    await signIn('cq-steel-001');
    await openBidPanel(page, auctionId);
    await bid(page, '29.99', '2000');
    expect(await page.textContent('[data-testid=bid-price-error]')).toMatch(
      /not be below the reserve price, CNY 30.00/,
    );
    await bid(page, '35.00', '2000');
    await page.waitForSelector('[data-testid=bid-status] >> text=Bid submitted: 2,000 t at CNY 35.00/t');
    await page.screenshot({ path: `${SCREENSHOTS}/auction-bid.png`, fullPage: true });

    for (const [firm, price] of [
      ['cq-steel-002', '32.00'],
      ['cq-cement-001', '31.00'],
    ]) {
      await signIn(firm);
      await openBidPanel(page, auctionId);
      await bid(page, price, '2000');
      await page.waitForSelector('[data-testid=bid-status] >> text=Bid submitted');
    }
  });

  it('the regulator watches the sealed bids (count and guarantees), clears the auction and reads the results', async () => {
    await signIn('regulator-cq');
    await section('auctions');
    await page.click(`button[name=open-${auctionId}]`);
    await page.waitForSelector('[data-testid=bids-received] >> text=3');
    expect(await page.$$('[data-testid=guarantee-row]')).toHaveLength(3);
    // Committed guarantee of the first bidder: 2,000 × CNY 35.00.
    await page.waitForSelector('[data-testid=guarantee-row]:has-text("cq-steel-001") >> text=70,000.00');
    await page.screenshot({ path: `${SCREENSHOTS}/auction-open.png`, fullPage: true });

    await page.click('button[name=clear-auction]');
    await page.waitForSelector('[data-testid=clear-status] >> text=Auction cleared');
    // 4,000 offered, 6,000 bid: the two highest bids win at the uniform price of the lowest winning bid.
    await page.waitForSelector(
      '[data-testid=auction-result] >> text=Cleared at CNY 32.00; 4,000 of 4,000 t sold',
    );
    const awarded = await page.$$eval('[data-testid=bid-result]', (rows) =>
      rows.map((r) => [r.children[0].textContent, r.querySelector('[data-testid=awarded]')?.textContent]),
    );
    expect(awarded).toEqual([
      ['cq-steel-001', '2,000'],
      ['cq-steel-002', '2,000'],
      ['cq-cement-001', '0'],
    ]);
    const auction = await getJson<AuctionView>(`${url}/registries/CQ/auctions/${auctionId}`);
    expect(auction.result).toEqual(expect.objectContaining({ clearingPriceFen: 3200, sold: 4000 }));
    await page.screenshot({ path: `${SCREENSHOTS}/auction-cleared.png`, fullPage: true });
  });

  it('the winner sees its award on its trading screen', async () => {
    await signIn('cq-steel-001');
    await page.waitForSelector('[data-testid=my-awards] >> text=CQ-E2E-A1');
  });
  it('recognition: a bad agreement is refused at the field with every issue, before sending', async () => {
    await signIn('regulator-sc');
    await section('recognition');
    await page.waitForSelector('[data-testid=proposal-panel] textarea[name=document]');
    const sent: string[] = [];
    const record = (r: { method: () => string; url: () => string }) =>
      r.method() === 'POST' && sent.push(r.url());
    page.on('request', record);
    await page.fill('textarea[name=document]', '{ "version": ');
    await page.click('button[name=propose-version]');
    expect(await page.textContent('[data-testid=document-error]')).toMatch(/Not valid JSON/);
    const [rule] = CHENGYU_RECOGNITION_2026_1.rules;
    await page.fill(
      'textarea[name=document]',
      JSON.stringify({ ...CHENGYU_RECOGNITION_2026_1, rules: [{ ...rule, destination: rule.origin }] }),
    );
    await page.click('button[name=propose-version]');
    await page.waitForSelector('[data-testid=document-issues] >> text=origin and destination must differ');
    expect(await page.textContent('[data-testid=document-issues]')).toContain('rules.0.destination');
    page.off('request', record);
    expect(sent).toEqual([]);
  });

  it('recognition: Sichuan proposes and turns its key; Chongqing must name the same day, then adopts it', async () => {
    await page.fill('textarea[name=document]', JSON.stringify(CHENGYU_RECOGNITION_2026_1, null, 2));
    await page.click('button[name=propose-version]');
    await page.waitForSelector('[data-testid=proposal-status] >> text=Version 2026.1 proposed');
    await page.waitForSelector('[data-testid=version-status] >> text=Proposed');
    await page.fill('input[name=effectiveFrom]', '2026-04-01');
    await page.click('button[name=approve-version]');
    await page.waitForSelector('[data-testid=version-status] >> text=One key turned');

    await signIn('regulator-cq');
    await section('recognition');
    await page.waitForSelector('[data-testid=version-status] >> text=One key turned');
    expect(await page.inputValue('input[name=effectiveFrom]')).toBe('2026-04-01'); // the other key's day
    await page.fill('input[name=effectiveFrom]', '2026-05-01');
    await page.click('button[name=approve-version]');
    expect(await page.textContent('[data-testid=effectiveFrom-error]')).toMatch(
      /other province approved from 2026-04-01/,
    );
    await page.fill('input[name=effectiveFrom]', '2026-04-01');
    await page.click('button[name=approve-version]');
    await page.waitForSelector('[data-testid=version-status] >> text=Adopted by both');
    const [agreement] = await getJson<{ status: string; adoptedFrom: string }[]>(
      `${url}/recognition/agreements`,
    );
    expect(agreement).toEqual(expect.objectContaining({ status: 'adopted', adoptedFrom: '2026-04-01' }));
  });

  it('market mode: a bad decision is refused at the field; Chongqing proposes credits recognised across, both keys adopt it from today', async () => {
    await section('marketMode');
    await page.waitForSelector('[data-testid=proposal-panel] textarea[name=document]');
    await page.fill('textarea[name=document]', JSON.stringify({ version: '2026.1', mode: 'merged' }));
    await page.click('button[name=propose-version]');
    await page.waitForSelector('[data-testid=document-issues] >> text=mode');
    await page.fill(
      'textarea[name=document]',
      JSON.stringify({ version: '2026.1', mode: 'recognition-only' }),
    );
    await page.click('button[name=propose-version]');
    await page.waitForSelector('[data-testid=proposal-status] >> text=Version 2026.1 proposed');
    await page.waitForSelector('[data-testid=version-status] >> text=Proposed');
    await page.click('button[name=approve-version]'); // from today (Beijing), the default
    await page.waitForSelector('[data-testid=version-status] >> text=One key turned');

    await signIn('regulator-sc');
    await section('marketMode');
    await page.waitForSelector('[data-testid=version-status] >> text=One key turned');
    await page.click('button[name=approve-version]');
    await page.waitForSelector('[data-testid=version-status] >> text=Adopted by both');
    // Requests may cross from today: the mode in force is recognition-only.
    await page.waitForSelector('[data-testid=mode-in-force] >> text=credits recognised across');
    await page.screenshot({ path: `${SCREENSHOTS}/market-mode.png`, fullPage: true });
  });

  it('recognition: the regulator sees the requests of its province, done or rolled back, with their quantities', async () => {
    const start = await issueCredits(url, 'CQ', 'cq-steel-001', {
      kind: 'CQCER',
      vintage: 2025,
      projectId: 'CQ-SOLAR-01',
      quantity: 500,
      commandId: 'console-e2e-cqcer',
    });
    const request = (requestId: string, first: number) =>
      expectPost(
        `${url}/recognition/requests`,
        {
          requestId,
          actor: 'cq-steel-001',
          holderId: 'cq-steel-001',
          origin: 'CQ',
          destination: 'SC',
          serialStart: first,
          serialEnd: first + 199,
          projectType: 'rooftop-solar',
          use: 'compliance-offset',
        },
        202,
      );
    await signIn('regulator-cq');
    await section('recognition');
    // The holder has no account in Sichuan yet: the destination refuses and the saga rolls back.
    await request('console-e2e-rec-1', start);
    await settled(url, 'console-e2e-rec-1');
    await openAccount(url, 'SC', 'cq-steel-001');
    await request('console-e2e-rec-2', start);
    await settled(url, 'console-e2e-rec-2');

    await page.selectOption('select[name=request-filter]', 'all');
    const rowText = async (id: string) =>
      (await page.waitForSelector(`[data-testid=recognition-request]:has-text("${id}")`)).textContent();
    expect(await rowText('console-e2e-rec-1')).toMatch(/200 → 200.*Rolled back · \S+/);
    expect(await rowText('console-e2e-rec-2')).toMatch(/200 → 200.*Completed$/);
    await page.screenshot({ path: `${SCREENSHOTS}/recognition.png`, fullPage: true });
    await page.selectOption('select[name=request-filter]', 'pending');
    await page.waitForSelector('[data-testid=recognition-requests] >> text=No requests to show');
  });

  it('transfers: each regulator decides its own side of a cross-province transfer; a rejection needs a reason', async () => {
    await openAccount(url, 'CQ', 'cq-chemicals-001');
    await openAccount(url, 'SC', 'sc-paper-002');
    await expectPost(
      `${url}/registries/CQ/issuances`,
      {
        commandId: 'console-e2e-so2',
        actor: 'regulator:CQ',
        accountId: 'cq-chemicals-001',
        kind: 'POLLUTANT_SO2',
        vintage: 2025,
        quantity: 100,
      },
      201,
    );
    for (const [transferId, quantity] of [
      ['xp-console-1', 40],
      ['xp-console-2', 10],
    ] as const)
      await expectPost(
        `${url}/cross-province-transfers`,
        {
          commandId: `console-e2e-${transferId}`,
          actor: 'cq-chemicals-001',
          transferId,
          from: 'CQ',
          sellerAccountId: 'cq-chemicals-001',
          to: 'SC',
          buyerAccountId: 'sc-paper-002',
          kind: 'POLLUTANT_SO2',
          vintage: 2025,
          quantity,
          priceFen: 2_100_000,
        },
        201,
      );
    const row = (id: string) => `[data-testid=transfer-row]:has-text("${id}")`;

    // Chongqing, the sellers' province, decides the outflows.
    await signIn('regulator-cq');
    await section('transfers');
    await page.waitForSelector(`${row('xp-console-1')} >> text=840,000.00`);
    await page.click('button[name=approve-xp-console-1]');
    await page.waitForSelector('[data-testid=transfer-status] >> text=Approved xp-console-1');
    await page.waitForSelector(`${row('xp-console-1')} [data-testid=outflow-decision] >> text=approved`);
    expect(await page.$('button[name=approve-xp-console-1]')).toBeNull();
    await page.click('button[name=reject-xp-console-2]');
    await page.waitForSelector('[data-testid=transfer-status] >> text=A rejection needs a reason');
    await page.fill('input[name=reason-xp-console-2]', 'over the annual outflow quota');
    await page.click('button[name=reject-xp-console-2]');
    await page.waitForSelector('[data-testid=transfer-status] >> text=Rejected xp-console-2');
    // Rejected: no longer awaiting a decision.
    await page.waitForSelector(row('xp-console-2'), { state: 'detached' });

    // Sichuan, the buyer's, decides the inflow: both approved, the units move.
    await signIn('regulator-sc');
    await section('transfers');
    expect(await page.textContent(`${row('xp-console-1')} button[name=approve-xp-console-1]`)).toBe(
      'Approve inflow',
    );
    await page.screenshot({ path: `${SCREENSHOTS}/transfers.png`, fullPage: true });
    await page.click('button[name=approve-xp-console-1]');
    await page.waitForSelector('[data-testid=transfer-status] >> text=Approved xp-console-1');
    await page.selectOption('select[name=transfer-filter]', 'all');
    await page.waitForSelector(`${row('xp-console-1')} [data-testid=transfer-state] >> text=Completed`);
    await page.waitForSelector(
      `${row('xp-console-2')} [data-testid=outflow-decision] >> text=rejected · over the annual outflow quota`,
    );
    const done = await getJson<{ status: string; arrived: { quantity: number }[] }>(
      `${url}/cross-province-transfers/xp-console-1`,
    );
    expect(done).toMatchObject({ status: 'completed', arrived: [{ quantity: 40 }] });
    await signIn('regulator-cq'); // the next screens are Chongqing's
  });

  it('pricing standard: Chongqing proposes and approves; Sichuan cannot date it in the past, then adopts it', async () => {
    await section('pricing');
    await page.waitForSelector('[data-testid=proposal-panel] textarea[name=document]');
    await page.click('button[name=propose-version]'); // the preset document, as version 2026.1
    await page.waitForSelector('[data-testid=proposal-status] >> text=Version 2026.1 proposed');
    await page.waitForSelector('[data-testid=pricing-bands] >> text=Pollutant rights');
    await page.click('button[name=approve-version]'); // from today (Beijing)
    await page.waitForSelector('[data-testid=version-status] >> text=One key turned');

    await signIn('regulator-sc');
    await section('pricing');
    await page.waitForSelector('[data-testid=version-status] >> text=One key turned');
    await page.fill('input[name=effectiveFrom]', '2020-01-01');
    await page.click('button[name=approve-version]');
    expect(await page.textContent('[data-testid=effectiveFrom-error]')).toMatch(/must not be before today/);
    const [cq] = await getJson<{ approvals: { CQ: { effectiveFrom: string } } }[]>(
      `${url}/pricing-standards`,
    );
    await page.fill('input[name=effectiveFrom]', cq.approvals.CQ.effectiveFrom);
    await page.click('button[name=approve-version]');
    await page.waitForSelector('[data-testid=version-status] >> text=Adopted by both · in force');
    await page.screenshot({ path: `${SCREENSHOTS}/pricing-standard.png`, fullPage: true });
  });
  it('reads the same results in Simplified Chinese, numbers and dates in the Chinese forms', async () => {
    await page.click('button.language');
    await signIn('regulator-cq');
    await section('auctions');
    await page.click(`button[name=open-${auctionId}]`);
    await page.waitForSelector(
      '[data-testid=auction-result] >> text=统一出清价 32.00 元；成交 4,000 / 4,000 吨',
    );
    await page.waitForSelector('[data-testid=auction-row] >> text=2025年6月15日');
    await page.screenshot({ path: `${SCREENSHOTS}/auction-cleared-zh.png`, fullPage: true });
  });
});

async function fillAuction(page: Page, id: string): Promise<void> {
  await page.fill('input[name=auctionId]', id);
  await page.fill('input[name=vintage]', '2025');
  await page.fill('input[name=auctionDate]', '2025-06-15');
  await page.fill('input[name=supply]', '4000');
  await page.fill('input[name=lotSize]', '1000');
  await page.fill('input[name=reservePrice]', '30.00');
  await page.fill('input[name=maxBidderSharePct]', '50');
  await page.selectOption('select[name=undersubscribed]', 'clear-at-reserve');
}

async function bid(page: Page, price: string, quantity: string): Promise<void> {
  await page.fill('input[name=bid-price]', price);
  await page.fill('input[name=bid-quantity]', quantity);
  await page.click('button[name=submit-bid]');
}

async function openBidPanel(page: Page, auctionId: string): Promise<void> {
  await page.waitForSelector(`[data-testid=bid-panel] select[name=bid-auction] option[value=${auctionId}]`, {
    state: 'attached',
  });
  await page.selectOption('select[name=bid-auction]', auctionId);
}
