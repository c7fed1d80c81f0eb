import { Page } from 'playwright-core';
import {
  CONSOLE_SCREENSHOTS as SCREENSHOTS,
  ConsoleInBrowser,
  startConsoleInBrowser,
} from './support/console-browser';
import { eventually, getJson, postJson } from './support/http';

/**
 * The web console in Debian's Chromium against the sandbox (`npm run build` first: it builds the
 * API and the console). Screenshots of each screen go to test-output/console/.
 */
describe('web console in a real browser', () => {
  let app: ConsoleInBrowser;
  let page: Page;
  let url = '';

  beforeAll(async () => {
    app = await startConsoleInBrowser();
    ({ page, url } = app);
  }, 150000);

  afterAll(() => app?.stop());

  it('opens at / in Simplified Chinese and switches to English', async () => {
    await page.goto(url);
    await page.waitForSelector('text=成渝环境权益交易所');
    expect(page.url()).toBe(`${url}/console/`);
    await page.click('button.language');
    await page.waitForSelector('text=Chengdu–Chongqing Environmental Rights Exchange');
    await page.screenshot({ path: `${SCREENSHOTS}/trading-en.png`, fullPage: true });
  });

  it('refuses an off-band price next to the field, before sending anything', async () => {
    await page.selectOption('select[name=instrument]', 'CQEA-2025');
    const sent: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && sent.push(r.url()));
    await page.fill('input[name=price]', '99.00');
    await page.click('button[type=submit]');
    const error = await page.waitForSelector('[data-testid=price-error]');
    expect(await error.textContent()).toMatch(/between CNY \d+\.\d\d and \d+\.\d\d/);
    expect(sent).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/ticket-error.png`, fullPage: true });
  });

  it('an enterprise places an order, sees it in the book, and sees the trade and the holdings change when another crosses it', async () => {
    await page.selectOption('select[name=user]', 'sc-steel-001');
    await page.selectOption('select[name=instrument]', 'SCEA-2025');
    await page.waitForSelector('[data-testid=feed-status] >> text=Live'); // depth and trades over the WebSocket feed
    await page.click('label:has(input[name=side]) >> nth=1'); // sell
    await page.fill('input[name=price]', '40.20');
    await page.fill('input[name=qty]', '300');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=ticket-status] >> text=Order received');
    await page.waitForSelector('[data-testid=ask-level] >> text=40.20');
    await page.screenshot({ path: `${SCREENSHOTS}/order-in-book.png`, fullPage: true });

    // A Sichuan firm: its SCEA-2025 units are part of its registry allocation, put into custody.
    await page.selectOption('select[name=user]', 'sc-steel-002');
    await page.selectOption('select[name=instrument]', 'SCEA-2025');
    await page.click('label:has(input[name=side]) >> nth=0'); // buy
    await page.fill('input[name=price]', '40.20');
    await page.fill('input[name=qty]', '100');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=trade-row] >> text=40.20');
    await eventually(
      async () => ((await page.textContent('[data-testid=ask-level]'))?.includes('200') ? true : undefined),
      15000,
      'the resting sell to shrink to 200',
    );
    // The buyer's holdings: the 200,000 units it deposited from its allocation plus the 100 bought.
    await page.waitForSelector('[data-testid=holding-SCEA-2025] >> text=200,100');
    await page.screenshot({ path: `${SCREENSHOTS}/trade.png`, fullPage: true });
  });
  it('draws the trades as candlesticks with their volume from the bars, per interval, and as a line on request', async () => {
    // One trade at 40.20: one bar in each interval, rising (red, as Chinese markets colour it).
    await page.waitForSelector('[data-testid=price-chart][data-view=candles][data-bars="1"]');
    await eventually(
      async () => ((await chartHasColour(page, RED)) ? true : undefined),
      10000,
      'a red candle',
    );

    // Two other Sichuan firms trade 100 at 40.00 under the resting ask: the day now falls from 40.20.
    for (const [account, side] of [
      ['sc-cement-002', 'buy'],
      ['sc-cement-001', 'sell'],
    ])
      expect(
        (
          await postJson(`${url}/orders`, {
            instrument: 'SCEA-2025',
            account,
            side,
            type: 'limit',
            price: 4000,
            qty: 100,
            tif: 'GTC',
          })
        ).status,
      ).toBe(202);
    await page.selectOption('select[name=chart-interval]', '1d');
    const [day] = await eventually(
      async () => {
        const bars = await getJson<{ close: number }[]>(`${url}/bars/SCEA-2025?interval=1d`);
        return bars[0]?.close === 4000 ? bars : undefined;
      },
      15000,
      'the daily bar to take the second trade',
    );
    expect(day).toEqual(
      expect.objectContaining({ open: 4020, high: 4020, low: 4000, close: 4000, volume: 200 }),
    );
    await page.waitForSelector('[data-testid=price-chart][data-bars="1"]');
    await eventually(
      async () => ((await chartHasColour(page, GREEN)) ? true : undefined),
      10000,
      'a green candle',
    );
    await page.screenshot({ path: `${SCREENSHOTS}/candles.png`, fullPage: true });

    await page.click('label:has(input[name=chart-view][value=line])');
    await page.waitForSelector('[data-testid=price-chart][data-view=line]');
    await eventually(async () => ((await chartHasColour(page, GREEN)) ? true : undefined), 10000, 'the line');
    await page.click('label:has(input[name=chart-view][value=candles])');
  });

  it('the seller sees its open order, amends it, then cancels it', async () => {
    await page.selectOption('select[name=user]', 'sc-steel-001');
    await page.selectOption('select[name=instrument]', 'SCEA-2025');
    const row = '[data-testid=my-order] >> text=SCEA-2025';
    await page.waitForSelector(row);
    await page.click('[data-testid=my-order] button[name=amend]');
    await page.fill('input[name=amend-price]', '40.30');
    await page.click('[data-testid=my-order] button[name=save-amend]');
    await page.waitForSelector('[data-testid=orders-status] >> text=Amendment sent');
    await page.waitForSelector('[data-testid=ask-level] >> text=40.30');
    await page.screenshot({ path: `${SCREENSHOTS}/my-orders.png`, fullPage: true });

    await page.click('[data-testid=my-order] button[name=cancel]');
    await page.waitForSelector('[data-testid=orders-status] >> text=Cancel sent');
    await eventually(
      async () => ((await page.$('[data-testid=ask-level]')) === null ? true : undefined),
      15000,
      'the cancelled order to leave the book',
    );
  });

  it('an enterprise sees its compliance position and surrenders what it holds', async () => {
    await page.selectOption('select[name=user]', 'cq-steel-001');
    await page.waitForSelector('[data-testid=compliance-emissions] >> text=/\\d/');
    expect(await page.textContent('[data-testid=compliance-surrendered]')).toBe('0');
    await page.click('button[name=surrender]');
    await page.waitForSelector('[data-testid=compliance-status] >> text=surrendered');
    await eventually(
      async () =>
        (await page.textContent('[data-testid=compliance-surrendered]')) !== '0' ? true : undefined,
      15000,
      'the surrender to show',
    );
    await page.screenshot({ path: `${SCREENSHOTS}/compliance.png`, fullPage: true });
  });

  it('an enterprise creates an API key (shown once), trades-ready at once, and revokes it', async () => {
    await page.selectOption('select[name=user]', 'sc-steel-001');
    await page.waitForSelector('section[aria-label="API keys"] >> text=No API keys');
    await page.click('button[name=create-api-key]');
    const key = (await (await page.waitForSelector('[data-testid=new-api-key] code')).textContent()) ?? '';
    expect(key).toMatch(/^cce_[0-9a-f]{16}_[A-Za-z0-9_-]{32}$/);
    await page.waitForSelector(`[data-testid=api-key-row] >> text=${key.split('_')[1]}`);
    const me = (k: string) => fetch(`${url}/auth/me`, { headers: { 'x-api-key': k } });
    expect(await (await me(key)).json()).toMatchObject({ role: 'enterprise', id: 'sc-steel-001' });
    await page.screenshot({ path: `${SCREENSHOTS}/api-keys.png`, fullPage: true });

    await page.click('[data-testid=api-key-row] button[name=revoke-api-key]');
    await page.waitForSelector('section[aria-label="API keys"] >> text=No API keys');
    expect(await page.$('[data-testid=new-api-key]')).toBeNull();
    expect((await me(key)).status).toBe(401);
  });

  it('a Sichuan regulator previews the allocation table, then issues it, and sees the supply', async () => {
    await page.selectOption('select[name=user]', 'regulator-sc');
    await page.waitForSelector('[data-testid=allocation-row] >> text=sc-power-001');
    await page.fill('input[name=vintage]', '2026');
    await page.click('button[name=preview]');
    await page.waitForSelector('[data-testid=allocation-summary]');
    const allocated = await page.$$eval('[data-testid=allocated]', (cells) =>
      cells.map((c) => c.textContent),
    );
    expect(allocated.length).toBe(12);
    expect(allocated.every((text) => /^[\d,]+$/.test(text ?? ''))).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/regulator-preview.png`, fullPage: true });

    await page.click('button[name=issue]');
    await page.waitForSelector('[data-testid=allocation-status] >> text=Allocation issued');
    await page.waitForSelector('[data-testid=supply-row] >> text=2026');
    const supply = await getJson<{ rows: unknown[] }>(`${url}/registries/SC/supply`);
    expect(supply.rows).toContainEqual(expect.objectContaining({ vintage: 2026, conserved: true }));
    await page.screenshot({ path: `${SCREENSHOTS}/regulator-issued.png`, fullPage: true });
  });

  it('a regulator form refuses a bad cap next to the field, before sending', async () => {
    await page.fill('input[name=cap]', '-1');
    await page.click('button[name=preview]');
    await page.waitForSelector('[role=alert] >> text=whole number');
  });

  it('a regulator watches the market view: activity, concentration, self-trades and large holders', async () => {
    await page.selectOption('select[name=user]', 'regulator-sc');
    await page.click('label:has(input[name=section][value=market])');
    const row = await page.waitForSelector('[data-testid=market-row] >> text=SCEA-2025');
    expect(
      await row.evaluate((el) => el.closest('tr')?.querySelector('[data-testid=self-trades]')?.textContent),
    ).toBe('0');
    // Large holders: nobody in the demo holds 500,000 units over its allocation; from 1 unit, the
    // demo firms' CCER on the exchange (none of it allocated free) is listed; 0 is refused.
    await page.waitForSelector('text=No member holds that much');
    await page.fill('input[name=disclosure-threshold]', '1');
    const holder = await page.waitForSelector(
      '[data-testid=large-holder-row]:has-text("cq-steel-001"):has-text("CCER")',
    );
    expect(await holder.evaluate((el) => [...el.querySelectorAll('td')].map((td) => td.textContent))).toEqual(
      ['cq-steel-001', 'CCER', '200,000', '0', '1', '199,999'],
    );
    await page.fill('input[name=disclosure-threshold]', '0');
    await page.waitForSelector('[role=alert] >> text=whole number');
    await page.fill('input[name=disclosure-threshold]', '500000');
    await page.screenshot({ path: `${SCREENSHOTS}/regulator-market.png`, fullPage: true });
  });

  it('a researcher opens a run report and compares two runs side by side', async () => {
    await eventually(
      async () => ((await getJson<{ runs: boolean }>(`${url}/demo/status`)).runs ? true : undefined),
      60000,
      'the demo simulator runs',
    );
    await page.goto(url);
    await page.selectOption('select[name=user]', 'researcher-01');
    await page.waitForSelector('[data-testid=run-row] >> text=demo-linked');
    const first = await page.waitForSelector('iframe[data-testid^=report-]');
    const frame = await first.contentFrame();
    await frame!.waitForSelector('canvas'); // the report's uPlot charts drew
    await page.screenshot({ path: `${SCREENSHOTS}/research-report.png`, fullPage: true });

    await page.check('input[name=run-demo-separate]');
    await page.check('input[name=run-demo-linked]');
    await page.waitForSelector('[data-testid=comparison] >> text=abatement cost');
    expect(await page.$$('iframe[data-testid^=report-]')).toHaveLength(2);
    await page.screenshot({ path: `${SCREENSHOTS}/research-compare.png`, fullPage: true });
  });

  it("shows an enterprise that an instrument's trading is suspended, and sends no order for it", async () => {
    await page.goto(url);
    await page.waitForSelector('select[name=instrument] option[value=SCEA-2024]', { state: 'attached' });
    await page.selectOption('select[name=user]', 'sc-steel-001');
    await page.selectOption('select[name=instrument]', 'SCEA-2024');
    await page.waitForSelector('[data-testid=ticket-submit]');
    expect(await page.isDisabled('[data-testid=ticket-submit]')).toBe(false);
    const effectiveFrom = new Date(Date.now() + 1000).toISOString();
    const decided = await postJson(`${url}/instruments/SCEA-2024/decisions`, {
      regulator: 'regulator-sc',
      decisionId: 'console-suspend-scea-2024',
      effectiveFrom,
      changes: { modes: [] },
    });
    expect(decided.status).toBe(201);
    // The open console reads the instruments again (every 5 s): the notice comes without a reload.
    await page.waitForSelector('[data-testid=ticket-closed] >> text=SCEA-2024'); // in either language
    expect(await page.isDisabled('[data-testid=ticket-submit]')).toBe(true);
    // Another instrument still trades.
    await page.selectOption('select[name=instrument]', 'SCEA-2025');
    await page.waitForSelector('[data-testid=ticket-closed]', { state: 'detached' });
    expect(await page.isDisabled('[data-testid=ticket-submit]')).toBe(false);
  });
});

/** The chart's rising and falling colours (--buy and --sell). */
const RED: [number, number, number] = [192, 57, 43];
const GREEN: [number, number, number] = [11, 122, 83];

interface Canvas {
  width: number;
  height: number;
  getContext(
    kind: '2d',
  ): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

/** Whether the price chart's canvases hold a pixel of this colour (the series drew, not just the axes). */
function chartHasColour(page: Page, [r, g, b]: [number, number, number]): Promise<boolean> {
  return page.$$eval(
    '[data-testid=price-chart] canvas',
    (canvases, colour) =>
      canvases.some((canvas) => {
        const c = canvas as unknown as Canvas; // the test's tsconfig has no DOM types
        const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
        if (!data) return false;
        for (let i = 0; i < data.length; i += 4)
          if (
            Math.abs(data[i] - colour[0]) < 8 &&
            Math.abs(data[i + 1] - colour[1]) < 8 &&
            Math.abs(data[i + 2] - colour[2]) < 8
          )
            return true;
        return false;
      }),
    [r, g, b],
  );
}
