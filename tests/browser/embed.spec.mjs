import { expect, test } from '@playwright/test';
import { book, snap, watch } from './helpers.mjs';

test('a clinic embeds the booking journey on its own site with one element (cross-origin)', async ({ page }) => {
  const guard = watch(page);
  const calls = [];
  page.on('request', (r) => r.url().startsWith(process.env.APP_ORIGIN) && calls.push(`${r.method()} ${new URL(r.url()).pathname}`));
  await page.goto(process.env.SITE_ORIGIN);
  const journey = page.locator('clinic-booking');
  await expect(journey.getByRole('heading', { name: 'What would you like to book?' })).toBeVisible();

  // The site's own styles stop at the element's shadow root.
  const continueButton = journey.getByRole('button', { name: 'Continue' });
  expect(await continueButton.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(47, 111, 106)');
  expect(await journey.getByRole('heading', { name: 'What would you like to book?' }).evaluate((h) => getComputedStyle(h).color)).not.toBe('rgb(255, 0, 255)');
  await snap(page, 'embed-1-service');

  await journey.getByLabel(/Microneedling for acne scars/).check();
  await journey.getByLabel(/Clearskin Soho/).check();
  await continueButton.click();
  for (const q of ['activeBreakout', 'rosacea', 'eczema', 'irritatedSunburntOrInflamedSkin', 'pregnant', 'scarsEasily', 'otherSkinConditionInArea']) {
    await journey.locator(`input[name="${q}"][value="false"]`).check();
  }
  await journey.getByLabel('Never, or not in the last 12 months').check();
  await journey.getByLabel(/^Icepick:/).check();
  await journey.getByLabel(/^Moderate:/).check();
  await journey.getByLabel(/^Type 5:/).check();
  await journey.getByRole('button', { name: 'See my result' }).click();
  await expect(journey.getByText('4 sessions, 4 to 6 weeks apart')).toBeVisible();
  await journey.getByRole('button', { name: 'Choose your times' }).click();
  await expect(journey.getByRole('group', { name: /^Free times on/ })).toBeVisible();
  await snap(page, 'embed-2-times');

  expect(calls).toEqual(expect.arrayContaining(['GET /assets/booking.js', 'GET /api/pages/settings', 'POST /api/intakes', 'GET /api/availability']));
  guard.check();
});

test('a clinic serves its own manage page with the manage element', async ({ page }) => {
  const guard = watch(page);
  const booking = await book({ email: 'own-site@example.com' });
  await page.goto(`${process.env.SITE_ORIGIN}/manage/${booking.bookingId}#token=${encodeURIComponent(booking.manageToken)}`);
  await expect(page.locator('clinic-manage').getByText('Booked', { exact: true })).toHaveCount(1);
  await expect(page.locator('clinic-manage').getByRole('button', { name: 'Move: Session 1' })).toBeVisible();
  guard.check();
});

test('the API answers browsers only on origins the clinic has listed', async ({ page }) => {
  const preflight = await page.request.fetch(`${process.env.APP_ORIGIN}/api/intakes`, {
    method: 'OPTIONS', headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
  });
  expect(preflight.headers()['access-control-allow-origin']).toBeUndefined();
  const allowed = await page.request.fetch(`${process.env.APP_ORIGIN}/api/intakes`, {
    method: 'OPTIONS', headers: { Origin: process.env.SITE_ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key' },
  });
  expect(allowed.headers()['access-control-allow-origin']).toBe(process.env.SITE_ORIGIN);
});
