import { expect, test } from '@playwright/test';
import { api, app, book, freeSlots, manageUrl, step, unsubscribeUrl, watch } from './helpers.mjs';

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

test('a patient moves one session inside the spacing window and cancels another', async ({ page }) => {
  const guard = watch(page);
  const booking = await book({ count: 3, email: 'move@example.com' });
  await page.goto(manageUrl(booking));
  await expect(page.getByRole('heading', { level: 1, name: 'Your booking' })).toBeVisible();
  await expect(page.getByText('Booked', { exact: true })).toHaveCount(3);
  await step(page, 'manage-1-booking');

  // Sessions four weeks apart leave the middle one a single day to move within.
  await page.getByRole('button', { name: 'Move: Session 2' }).click();
  await expect(page.getByText(/To keep your sessions 4 to 6 weeks apart, this one can only move to another time on/)).toBeVisible();
  await page.getByRole('button', { name: 'Keep it' }).click();

  await page.getByRole('button', { name: 'Move: Session 3' }).click();
  await expect(page.getByText(/Choose a new time between/)).toBeVisible();
  const times = page.getByRole('group', { name: /^Free times on/ }).getByRole('radio');
  await page.getByRole('group', { name: 'Choose a day' }).getByRole('radio').nth(3).check();
  await times.nth(1).check();
  const [, start] = (await times.nth(1).getAttribute('value')).split('@');
  await step(page, 'manage-2-reschedule');
  await page.getByRole('button', { name: 'Move to this time' }).click();
  await expect(page.getByRole('status')).toContainText('Session 3 is now on');

  const moved = (await api(`/api/bookings/${booking.bookingId}`, { headers: { 'X-Manage-Token': booking.manageToken } })).body;
  expect(moved.sessions[2].start).toBe(start);
  const day = (iso) => Date.parse(iso.slice(0, 10));
  const weeks = (a, b) => (day(b) - day(a)) / (7 * 86_400_000);
  expect(weeks(moved.sessions[1].start, moved.sessions[2].start)).toBeGreaterThanOrEqual(4);
  expect(weeks(moved.sessions[1].start, moved.sessions[2].start)).toBeLessThanOrEqual(6);

  await page.getByRole('button', { name: 'Cancel: Session 2' }).click();
  await expect(page.getByText(/Cancel session 2 on/)).toBeVisible();
  await page.getByRole('button', { name: 'Yes, cancel' }).click();
  await expect(page.getByRole('status')).toContainText('Session 2 is cancelled.');
  await expect(page.getByText('Cancelled', { exact: true })).toHaveCount(1);
  await step(page, 'manage-3-cancelled');

  await page.getByRole('button', { name: 'Cancel all remaining sessions' }).click();
  await page.getByRole('button', { name: 'Yes, cancel' }).click();
  await expect(page.getByText('Cancelled', { exact: true })).toHaveCount(3);
  await expect(page.getByRole('link', { name: 'Book another time' })).toBeVisible();
  guard.check();
});

test('inside the cut-off the page explains it, and the server refuses a change all the same', async ({ browser }) => {
  const soon = (await freeSlots('consultation', tomorrow(), 2))[0];
  const booking = await book({ sessions: [{ practitionerId: soon.practitionerId, start: soon.start }], email: 'late@example.com' });

  const page = await browser.newPage();
  const guard = watch(page);
  await page.goto(manageUrl(booking));
  await expect(page.getByText('Within 72 hours of the start, changes are made by phone: please call the clinic.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Move|Cancel):/ })).toHaveCount(0);
  await step(page, 'manage-4-cutoff');
  guard.check();
  await page.close();

  // A device whose clock is days behind still offers the button; the server has the last word.
  const behind = await browser.newPage();
  const behindGuard = watch(behind, [422]);
  await behind.clock.setFixedTime(new Date(Date.now() - 5 * 86_400_000));
  await behind.goto(manageUrl(booking));
  await behind.getByRole('button', { name: 'Cancel: Session 1' }).click();
  await behind.getByRole('button', { name: 'Yes, cancel' }).click();
  await expect(behind.getByRole('alert')).toHaveText('Sessions can be cancelled online up to 72 hours before; please call the clinic.');
  await expect(behind.getByText('Booked', { exact: true })).toHaveCount(1);
  behindGuard.check();
  await behind.close();
});

test('a manage link without its token, or with a wrong one, says so', async ({ page }) => {
  const booking = await book({ email: 'wrong@example.com' });
  const guard = watch(page, [404]);
  await page.goto(`${app()}/manage/${booking.bookingId}`);
  await expect(page.getByRole('alert')).toHaveText('This link is incomplete. Please open it from your confirmation email.');
  await page.goto(`${app()}/manage/${booking.bookingId}#token=not-the-token`);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('We couldn’t find this booking.');
  guard.check();
});

test('a patient unsubscribes by clicking the link and the button; one-click still works', async ({ page, request }) => {
  const guard = watch(page);
  const link = unsubscribeUrl('leave@example.com');
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Stop reminder emails' })).toBeVisible();
  await expect(page.getByText('The yearly invitation to a maintenance session')).toBeVisible();
  await step(page, 'unsubscribe-1-ask');
  await page.getByRole('button', { name: 'Stop these emails' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'You will not get these emails any more' })).toBeVisible();
  await step(page, 'unsubscribe-2-done');
  await page.goto(link);
  await expect(page.getByText('These emails are already stopped for this address.')).toBeVisible();
  guard.check();

  const oneClick = await request.post(unsubscribeUrl('oneclick@example.com'), {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, data: 'List-Unsubscribe=One-Click',
  });
  expect(oneClick.status()).toBe(200);
  const tampered = await request.get(link.replace(/.$/, (c) => (c === '0' ? '1' : '0')));
  expect(tampered.status()).toBe(404);
});
