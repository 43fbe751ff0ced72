import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { api, book, watch } from './helpers.mjs';

/** The emails the app wrote to its outbox for one address, waiting until `count` are there. */
async function emailsTo(address, count) {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const emails = [];
    for (const file of readdirSync(process.env.OUTBOX).filter((f) => f.endsWith('.eml'))) {
      const email = await PostalMime.parse(readFileSync(join(process.env.OUTBOX, file)));
      if (email.to?.some((t) => t.address === address)) emails.push(email);
    }
    if (emails.length >= count) return emails;
    if (Date.now() > deadline) throw new Error(`${emails.length} of ${count} emails to ${address} arrived`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const links = (email) => [
  ...[...email.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&')),
  ...email.headers.filter((h) => h.key === 'list-unsubscribe').map((h) => h.value.replace(/^<|>$/g, '')),
];

test('every link in the emails the app sent opens a working page', async ({ page }) => {
  const address = 'links@example.com';
  const booking = await book({ count: 3, email: address });
  await emailsTo(address, 1); // the confirmation goes at once; a cancellation before it would only shorten it
  await api(`/api/bookings/${booking.bookingId}/cancel`, { method: 'POST', body: { sessionNumbers: [3] }, headers: { 'X-Manage-Token': booking.manageToken } });
  const emails = await emailsTo(address, 2);
  const subjects = emails.map((e) => e.subject);
  expect(subjects).toEqual(expect.arrayContaining([expect.stringMatching(/^Your treatment series is booked/), expect.stringMatching(/^Your appointment is cancelled/)]));

  const followed = [];
  for (const email of emails) {
    for (const link of links(email)) {
      const guard = watch(page);
      const response = await page.goto(link);
      expect(response.status(), link).toBe(200);
      const path = new URL(link).pathname;
      if (path.startsWith('/manage/')) {
        expect(new URL(link).hash).toMatch(/^#token=/);
        await expect(page.getByText('Booked', { exact: true })).toHaveCount(2);
      } else if (path === '/book') {
        await expect(page.getByRole('heading', { name: 'What would you like to book?' })).toBeVisible();
      } else {
        throw new Error(`An email links somewhere the pages do not know: ${link}`);
      }
      guard.check();
      followed.push(`${email.subject.split(' |')[0]}: ${path.split('/')[1]}`);
    }
  }
  expect(followed).toEqual(expect.arrayContaining(['Your treatment series is booked: manage', 'Your appointment is cancelled: book']));
});
