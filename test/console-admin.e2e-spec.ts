import { Page } from 'playwright-core';
import {
  CONSOLE_SCREENSHOTS as SCREENSHOTS,
  ConsoleInBrowser,
  openInEnglish,
  startConsoleInBrowser,
} from './support/console-browser';

const ADMIN = { username: 'ops-admin', password: 'an admin passphrase' };

/**
 * Password sign-in and the administrator's users screen in Chromium against the sandbox
 * (`npm run build` first), its administrator from the environment.
 */
describe('web console: password sign-in and users, in a real browser', () => {
  let app: ConsoleInBrowser;
  let page: Page;
  let url = '';

  beforeAll(async () => {
    app = await startConsoleInBrowser({ ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password });
    ({ page, url } = app);
    await openInEnglish(page, url);
  }, 150000);

  afterAll(() => app?.stop());

  const signIn = async (username: string, password: string) => {
    if (await page.$('button[name=sign-out]')) await page.click('button[name=sign-out]');
    else await page.selectOption('select[name=user]', ''); // "Sign in with a password…"
    await page.fill('form[aria-label="Sign in with a password"] input[name=username]', username);
    await page.fill('form[aria-label="Sign in with a password"] input[name=password]', password);
    await page.click('button[name=sign-in]');
  };
  const row = (username: string) => `[data-testid=users] [data-testid="user-${username}"]`;
  /** The administrator's token, over HTTP. */
  const adminToken = async (): Promise<string> => {
    const signedIn = await fetch(`${url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    return ((await signedIn.json()) as { token: string }).token;
  };
  /** A password user made by the administrator over HTTP (201). */
  const createUser = async (token: string, user: Record<string, string>): Promise<void> => {
    const created = await fetch(`${url}/auth/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(user),
    });
    expect(created.status).toBe(201);
  };

  it('refuses a wrong password without telling which part was wrong, then signs the administrator in', async () => {
    await page.waitForSelector('select[name=user] option[value=cq-steel-001]', { state: 'attached' });
    await signIn(ADMIN.username, 'not the password');
    await page.waitForSelector('[data-testid=sign-in-error] >> text=Unknown user or wrong password');
    await page.fill('form[aria-label="Sign in with a password"] input[name=password]', ADMIN.password);
    await page.click('button[name=sign-in]');
    await page.waitForSelector('[data-testid=signed-in-as] >> text=Administrator · ops-admin');
    // The demo users are listed with the administrator, which has no buttons against itself.
    await page.waitForSelector(`${row('cq-steel-001')} >> text=Demo`);
    expect(await page.$(`${row(ADMIN.username)} button`)).toBeNull();
  });

  it('creates a user (the field the server refuses shown next to it), changes its access and resets its password; the user changes it again', async () => {
    await page.fill('input[name=username]', 'sc-desk-07');
    await page.fill('input[name=password]', 'a long enough password');
    await page.click('button[name=save-user]'); // an enterprise without its member id
    await page.waitForSelector('[data-testid=memberId-error] >> text=memberId');
    await page.fill('input[name=memberId]', 'sc-paper-007');
    await page.selectOption('select[name=province]', 'SC');
    await page.click('button[name=save-user]');
    await page.waitForSelector('[data-testid=users-status] >> text=User sc-desk-07 created.');
    await page.waitForSelector(`${row('sc-desk-07')} >> text=SC · sc-paper-007 · sc-paper-007`);

    await page.click(`${row('sc-desk-07')} button[name=edit-user]`);
    await page.selectOption('select[name=role]', 'regulator');
    await page.click('button[name=save-user]');
    await page.waitForSelector('[data-testid=users-status] >> text=Access of sc-desk-07 changed');
    await page.waitForSelector(`${row('sc-desk-07')} >> text=Regulator`);

    await page.click(`${row('sc-desk-07')} button[name=reset-password]`);
    await page.fill(`${row('sc-desk-07')} input[name=new-password]`, 'set by the administrator');
    await page.click(`${row('sc-desk-07')} button[name=save-password]`);
    await page.waitForSelector('[data-testid=users-status] >> text=Password of sc-desk-07 reset.');
    await page.screenshot({ path: `${SCREENSHOTS}/users.png`, fullPage: true });

    // The user signs in with the new password, as what it now is: a Sichuan regulator.
    await signIn('sc-desk-07', 'set by the administrator');
    await page.waitForSelector('[data-testid=signed-in-as] >> text=Regulator · sc-desk-07');
    await page.waitForSelector('button.on >> text=Regulator');

    // Its own change: the current password first.
    const form = 'form[aria-label="Change password"]';
    await page.click('button[name=change-password]');
    await page.fill(`${form} input[name=current-password]`, 'not the password');
    await page.fill(`${form} input[name=new-password]`, 'chosen by the desk itself');
    await page.click(`${form} button[name=save-password]`);
    await page.waitForSelector('[data-testid=password-status] >> text=The current password is not right');
    await page.fill(`${form} input[name=current-password]`, 'set by the administrator');
    await page.click(`${form} button[name=save-password]`);
    await page.waitForSelector('[data-testid=password-status] >> text=Password changed');
    await signIn('sc-desk-07', 'set by the administrator');
    await page.waitForSelector('[data-testid=sign-in-error] >> text=Unknown user or wrong password');
    await page.fill(
      'form[aria-label="Sign in with a password"] input[name=password]',
      'chosen by the desk itself',
    );
    await page.click('button[name=sign-in]');
    await page.waitForSelector('[data-testid=signed-in-as] >> text=Regulator · sc-desk-07');
  });

  it('removes the user: it can no longer sign in', async () => {
    await signIn(ADMIN.username, ADMIN.password);
    await page.click(`${row('sc-desk-07')} button[name=remove-user]`);
    await page.waitForSelector('[data-testid=users-status] >> text=User sc-desk-07 removed');
    await page.waitForSelector(row('sc-desk-07'), { state: 'detached' });
    await signIn('sc-desk-07', 'chosen by the desk itself');
    await page.waitForSelector('[data-testid=sign-in-error] >> text=Unknown user or wrong password');
  });

  it('opens at the password form where there are no demo routes (a gateway); an enterprise user trades and sees its compliance', async () => {
    await createUser(await adminToken(), {
      username: 'steel-trader',
      password: 'the steel desk password',
      role: 'enterprise',
      memberId: 'cq-steel-002',
      province: 'CQ',
    });

    const context = await page.context().browser()!.newContext();
    const fresh = await context.newPage();
    await fresh.route('**/demo/**', (route) =>
      route.fulfill({ status: 404, body: '{"message":"Not Found"}' }),
    );
    await fresh.goto(url);
    await fresh.waitForSelector('form input[name=password]');
    await fresh.fill('input[name=username]', 'steel-trader');
    await fresh.fill('input[name=password]', 'the steel desk password');
    await fresh.click('button[name=sign-in]');
    await fresh.waitForSelector('[data-testid=signed-in-as] >> text=steel-trader');
    // Its member's holdings and last year's compliance, without the sandbox's demo year.
    await fresh.waitForSelector('[data-testid=cash-row]');
    await fresh.waitForSelector('[data-testid=compliance-emissions] >> text=/\\d/');
    await fresh.click('button[name=sign-out]');
    await fresh.goto(url);
    await fresh.waitForSelector('form input[name=password]');
    expect(await fresh.$('select[name=user] option[value=cq-steel-001]')).toBeNull();
    await fresh.fill('input[name=username]', ADMIN.username);
    await fresh.fill('input[name=password]', ADMIN.password);
    await fresh.click('button[name=sign-in]');
    await fresh.waitForSelector('[data-testid=signed-in-as] >> text=ops-admin');
    await context.close();
  });

  it("lists the registry's enterprise accounts in a password regulator's allocation form where there are no demo users", async () => {
    const token = await adminToken();
    await createUser(token, {
      username: 'cq-allocation-desk',
      password: 'the allocation desk password',
      role: 'regulator',
      province: 'CQ',
    });
    const accounts = (await (
      await fetch(`${url}/registries/CQ/accounts?type=ENTERPRISE_HOLDING`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { accounts: { accountId: string; ownerId?: string }[] };
    const firms = accounts.accounts.filter((a) => a.ownerId !== 'exchange').map((a) => a.accountId);
    expect(firms).toContain('cq-steel-001');

    const context = await page.context().browser()!.newContext();
    const fresh = await context.newPage();
    await fresh.route('**/demo/**', (route) =>
      route.fulfill({ status: 404, body: '{"message":"Not Found"}' }),
    );
    await fresh.goto(url);
    await fresh.fill('input[name=username]', 'cq-allocation-desk');
    await fresh.fill('input[name=password]', 'the allocation desk password');
    await fresh.click('button[name=sign-in]');
    await fresh.waitForSelector('[data-testid=allocation-row] >> text=cq-steel-001');
    const rows = await fresh.$$eval('[data-testid=allocation-row] td:first-child', (cells) =>
      cells.map((c) => c.textContent),
    );
    expect(rows).toEqual(firms);
    // Their emissions and the cap are the regulator's to type: nothing is guessed.
    expect(await fresh.inputValue('input[name=cap]')).toBe('');
    await fresh.fill('input[name=cap]', '1000000');
    for (const firm of firms)
      await fresh.fill(`[data-testid=allocation-row]:has(td:text-is("${firm}")) input`, '1000');
    await fresh.click('button[name=preview]');
    await fresh.waitForSelector('[data-testid=allocated] >> text=/\\d/');
    await context.close();
  });
});
