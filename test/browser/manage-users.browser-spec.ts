import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createPerson, launchBrowser, expectNoSeriousFindings, signIn, type Person } from '../support/browser';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/** One journey, in order: each test starts where the one before it left the admin's page. */
describe('managing users and your own account in a browser', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let adminContext: BrowserContext;
  let admin: Page;
  const dana = { email: 'dana.delegate@partnership.test', name: 'Dana Delegate', password: 'dana first password' };

  beforeAll(async () => {
    t = await TestApp.start({ env: { PUBLIC_URL: 'http://127.0.0.1' } });
    baseUrl = await t.listen();
    browser = await launchBrowser();
    adminContext = await browser.newContext({ baseURL: baseUrl });
    admin = await adminContext.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const path = (page: Page) => new URL(page.url()).pathname;
  const h1 = (page: Page) => page.locator('h1').innerText();
  const banner = (page: Page) => page.locator('.govuk-notification-banner--success').innerText();
  const summaryValue = (page: Page, key: string) =>
    page
      .locator('.govuk-summary-list__row', { has: page.locator('dt', { hasText: key }) })
      .locator('dd')
      .innerText();

  it('lands an admin on Manage, which leads to the users, the settings and the failed reminders', async () => {
    await admin.goto('/manage');
    await signIn(admin, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    expect(path(admin)).toBe('/manage');
    await expect(h1(admin)).resolves.toBe('Manage');
    for (const link of ['Users', 'Partnership settings', 'Failed reminders'])
      await expect(admin.getByRole('link', { name: link, exact: true }).count()).resolves.toBe(1);
    await expectNoSeriousFindings(admin);

    await admin.getByRole('link', { name: 'Users', exact: true }).click();
    await expect(h1(admin)).resolves.toBe('Users');
    await expect(admin.locator('table').innerText()).resolves.toContain(ADMIN_EMAIL);
    await expectNoSeriousFindings(admin);
  });

  it('adds a user through the form, showing the mistakes in an error summary first', async () => {
    await admin.getByRole('button', { name: 'Add a user' }).click();
    await expect(h1(admin)).resolves.toBe('Add a user');
    await expectNoSeriousFindings(admin);

    await admin.getByLabel('Name', { exact: true }).fill(dana.name);
    await admin.getByLabel('Email address').fill(dana.email);
    await admin.getByLabel('Password', { exact: true }).fill('too short');
    await admin.getByLabel('Business unit').check();
    await admin.getByLabel('Delegated partner').check();
    await admin.getByRole('button', { name: 'Add user' }).click();

    await expect(admin.locator('.govuk-error-summary__title').innerText()).resolves.toBe('There is a problem');
    expect(await admin.title()).toBe('Error: Add a user – practice-review');
    const summary = await admin.locator('.govuk-error-summary').innerText();
    expect(summary).toContain('Password must be 12 characters or more');
    expect(summary).toContain('Roles may not combine business unit with delegated partner');
    expect(summary).toContain('Select an agency');
    // What was typed and ticked is kept (but never the password).
    await expect(admin.getByLabel('Email address').inputValue()).resolves.toBe(dana.email);
    await expect(admin.getByLabel('Delegated partner').isChecked()).resolves.toBe(true);
    await expect(admin.getByLabel('Password', { exact: true }).inputValue()).resolves.toBe('');
    await expectNoSeriousFindings(admin);

    await admin.getByLabel('Password', { exact: true }).fill(dana.password);
    await admin.getByLabel('Business unit').uncheck();
    await admin.getByLabel('Police').check();
    await admin.getByRole('button', { name: 'Add user' }).click();
    expect(path(admin)).toBe('/manage/users');
    await expect(banner(admin)).resolves.toContain('Dana Delegate has been added');
    const row = admin.locator('tr', { hasText: dana.email });
    await expect(row.innerText()).resolves.toMatch(/Delegated partner\s+Police\s+Active/);
  });

  it("changes the user's roles and agency", async () => {
    await admin.getByRole('link', { name: dana.name }).click();
    await expect(h1(admin)).resolves.toBe(dana.name);
    await expectNoSeriousFindings(admin);
    await admin.getByLabel('Lead partner').check();
    await admin.getByLabel('Health').check();
    await admin.getByRole('button', { name: 'Save changes' }).click();
    await expect(banner(admin)).resolves.toContain('Changes saved');
    await expect(summaryValue(admin, 'Roles')).resolves.toBe('Delegated partner, Lead partner');
    await expect(summaryValue(admin, 'Agency')).resolves.toBe('Health');
  });

  it('deactivates the user after a confirmation: their open session is signed out on its next request', async () => {
    const danaContext = await browser.newContext({ baseURL: baseUrl });
    const danaPage = await danaContext.newPage();
    await danaPage.goto('/');
    await signIn(danaPage, dana);
    expect(path(danaPage)).toBe('/');

    await admin.getByRole('button', { name: `Deactivate ${dana.name}` }).click();
    await expect(h1(admin)).resolves.toBe(`Deactivate ${dana.name}?`);
    await expectNoSeriousFindings(admin);
    await admin.getByRole('button', { name: `Yes, deactivate ${dana.name}` }).click();
    await expect(banner(admin)).resolves.toContain(`${dana.name} has been deactivated`);
    await expect(summaryValue(admin, 'Status')).resolves.toBe('Deactivated');

    await danaPage.goto('/');
    expect(path(danaPage)).toBe('/sign-in');
    await signIn(danaPage, dana);
    await expect(danaPage.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'Enter a correct email address and password',
    );
    await danaContext.close();
  });

  it('reactivates the user and resets their password, which they then sign in with', async () => {
    await admin.getByRole('button', { name: `Reactivate ${dana.name}` }).click();
    await admin.getByRole('button', { name: `Yes, reactivate ${dana.name}` }).click();
    await expect(banner(admin)).resolves.toContain(`${dana.name} has been reactivated`);

    await admin.getByRole('link', { name: 'Reset their password' }).click();
    await expectNoSeriousFindings(admin);
    await admin.getByLabel('New password').fill('dana second password');
    await admin.getByRole('button', { name: 'Reset password' }).click();
    await expect(banner(admin)).resolves.toContain(`The password of ${dana.name} has been reset`);

    const danaContext = await browser.newContext({ baseURL: baseUrl });
    const danaPage = await danaContext.newPage();
    await danaPage.goto('/account');
    await signIn(danaPage, { email: dana.email, password: 'dana second password' });
    expect(path(danaPage)).toBe('/account');
    await danaContext.close();
  });

  it('lets a user change their own password: a mistake first, then the change, which signs out their other session', async () => {
    const worker: Person = await createPerson(t, await t.login(), {
      email: 'wren.worker@partnership.test',
      name: 'Wren Worker',
      roles: ['business-unit'],
    });
    const context = await browser.newContext({ baseURL: baseUrl });
    const elsewhere = await context.browser()!.newContext({ baseURL: baseUrl });
    const [page, other] = [await context.newPage(), await elsewhere.newPage()];
    await other.goto('/');
    await signIn(other, worker);
    await page.goto('/account');
    await signIn(page, worker);
    await expect(h1(page)).resolves.toBe('Your account');
    await expect(summaryValue(page, 'Roles')).resolves.toBe('Business unit');
    await expectNoSeriousFindings(page);

    await page.getByRole('link', { name: 'Change your password' }).click();
    await expect(h1(page)).resolves.toBe('Change your password');
    await expectNoSeriousFindings(page);
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password', { exact: true }).fill('wren new password');
    await page.getByLabel('Confirm new password').fill('wren new password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'Your current password is not right',
    );
    await expectNoSeriousFindings(page);

    await page.getByLabel('Current password').fill(worker.password);
    await page.getByLabel('New password', { exact: true }).fill('wren new password');
    await page.getByLabel('Confirm new password').fill('wren new password');
    await page.getByRole('button', { name: 'Change password' }).click();
    expect(path(page)).toBe('/account');
    await expect(banner(page)).resolves.toContain('Your password has been changed');
    await expectNoSeriousFindings(page);

    // This session stays; the other one has ended.
    await page.goto('/');
    expect(path(page)).toBe('/');
    await other.goto('/');
    expect(path(other)).toBe('/sign-in');
    await signIn(other, { email: worker.email, password: 'wren new password' });
    expect(path(other)).toBe('/');
    // Not an admin: no Manage pages.
    expect((await other.goto('/manage/users'))?.status()).toBe(403);
    await Promise.all([context.close(), elsewhere.close()]);
  });
});
