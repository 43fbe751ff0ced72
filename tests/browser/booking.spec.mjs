import { expect, test } from '@playwright/test';
import { api, app, book, freeSlots, step, watch } from './helpers.mjs';

/** Answers the intake form with the mouse; `overrides` switch single answers to "Yes". */
async function answerIntake(page, { yes = [], severity = 'Mild', scars = ['Rolling', 'Boxcar'] } = {}) {
  const questions = ['active acne breakout', 'rosacea', 'eczema', 'irritated, sunburnt or inflamed', 'pregnant', 'scar easily', 'any other skin condition'];
  for (const q of questions) {
    await page.getByRole('group', { name: new RegExp(q) }).getByLabel(yes.includes(q) ? 'Yes' : 'No').check();
  }
  await page.getByLabel('Never, or not in the last 12 months').check();
  for (const s of scars) await page.getByLabel(new RegExp(`^${s}:`)).check();
  await page.getByLabel(new RegExp(`^${severity}:`)).check();
  await page.getByLabel(/^Type 3:/).check();
}

/** From the first step to the screening's outcome, for a treatment at Soho. */
async function screen(page, answers) {
  await page.goto(`${app()}/book`);
  await page.getByLabel(/Microneedling for acne scars/).check();
  await page.getByLabel(/Clearskin Soho/).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await answerIntake(page, answers);
  await page.getByRole('button', { name: 'See my result' }).click();
}

async function chooseFirstTime(page) {
  await page.getByRole('group', { name: /^Free times on/ }).getByRole('radio').first().check();
}

test('an eligible patient books a three-session series, gets the calendar and reaches the manage page', async ({ page }) => {
  const guard = watch(page);
  await page.goto(`${app()}/book`);
  await expect(page.getByRole('heading', { level: 1, name: 'Book an appointment' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What would you like to book?' })).toBeVisible();
  await step(page, 'book-1-service');

  await page.getByLabel(/Microneedling for acne scars/).check();
  await page.getByLabel(/Clearskin Soho/).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'A few questions about your skin' })).toBeFocused();
  await answerIntake(page);
  await step(page, 'book-2-intake');
  await page.getByRole('button', { name: 'See my result' }).click();

  await expect(page.getByRole('heading', { name: 'Good news: microneedling suits you' })).toBeVisible();
  await expect(page.getByText('3 sessions, 4 to 6 weeks apart')).toBeVisible();
  await expect(page.getByText('£810')).toBeVisible();
  await page.getByLabel(/PRP/).check();
  await expect(page.getByText('£1,560')).toBeVisible();
  await step(page, 'book-3-plan');
  await page.getByRole('button', { name: 'Choose your times' }).click();

  const chosen = [];
  for (let n = 1; n <= 3; n++) {
    await expect(page.getByRole('heading', { name: `Choose a time for session ${n} of 3` })).toBeVisible();
    await expect(page.getByText('Times are shown in London time (Europe/London).')).toBeVisible();
    if (n === 1) await page.getByRole('radio', { name: 'Dr Amira Khan', exact: true }).check();
    await chooseFirstTime(page);
    await expect(page.getByText(/your time/).first()).toBeVisible();
    if (n > 1) await expect(page.getByText(new RegExp(`Session ${n} should be 4 to 6 weeks after session ${n - 1}`))).toBeVisible();
    if (n <= 2) await step(page, `book-4-time-${n}`);
    chosen.push(await page.getByRole('group', { name: /^Free times on/ }).getByRole('radio', { checked: true }).getAttribute('value'));
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  await expect(page.getByRole('heading', { name: 'Your details' })).toBeVisible();
  await page.getByLabel('Full name').fill('Zoë O’Brien');
  await page.getByLabel('Email address').fill('zoe@example.com');
  await step(page, 'book-5-details');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { name: 'Check and confirm' })).toBeVisible();
  await expect(page.getByText('PRP (platelet-rich plasma)')).toBeVisible();
  await step(page, 'book-6-review');
  await page.getByRole('button', { name: 'Confirm booking' }).click();

  await expect(page.getByRole('heading', { name: 'You’re booked' })).toBeFocused();
  await expect(page.getByText('We’ve emailed a confirmation to zoe@example.com.')).toBeVisible();
  await step(page, 'book-7-done');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Add to my calendar' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^appointment-bk_[0-9a-f]+\.ics$/);
  const ics = await (await file.createReadStream()).toArray();
  const text = Buffer.concat(ics).toString('utf8');
  expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(3);

  await page.getByRole('link', { name: 'Manage my booking' }).click();
  await expect(page).toHaveURL(/\/manage\/bk_[0-9a-f]+#token=/);
  await expect(page.getByRole('heading', { name: 'Microneedling for acne scars' })).toBeVisible();
  await expect(page.getByText('Booked')).toHaveCount(3);
  expect(chosen.map((v) => v.split('@')[0])).toEqual(['amira', 'amira', 'amira']);
  guard.check();
});

test('a patient who cannot be treated now is told why and when to come back', async ({ page }) => {
  const guard = watch(page);
  await screen(page, { yes: ['active acne breakout'] });

  await expect(page.getByRole('heading', { name: 'We can’t treat you just yet' })).toBeFocused();
  await expect(page.getByText(/You have an active breakout/)).toBeVisible();
  await expect(page.getByText(/You are welcome to come back from \w+day,? \d+ \w+ \d{4}\./)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Choose your times' })).toHaveCount(0);
  await step(page, 'outcome-not-eligible');
  await page.getByRole('button', { name: 'Start again' }).click();
  await expect(page.getByRole('heading', { name: 'What would you like to book?' })).toBeFocused();
  guard.check();
});

test('a patient who needs a consultation first books one', async ({ page }) => {
  const guard = watch(page);
  await screen(page, { yes: ['scar easily'] });

  await expect(page.getByRole('heading', { name: 'A practitioner would like to see you first' })).toBeFocused();
  await expect(page.getByText('Because you tend to scar easily, a practitioner needs to see you before any treatment.')).toBeVisible();
  await step(page, 'outcome-consultation');
  await page.getByRole('button', { name: 'Book a consultation' }).click();

  await expect(page.getByRole('heading', { name: 'Choose a time', exact: true })).toBeVisible();
  await chooseFirstTime(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Full name').fill('Sam Patel');
  await page.getByLabel('Email address').fill('sam@example.com');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('Skin consultation')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^Free$/ })).toBeVisible();
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByRole('heading', { name: 'You’re booked' })).toBeVisible();
  guard.check();
});

test('a time taken between viewing and booking is explained and fresh times are shown', async ({ page }) => {
  const guard = watch(page, [409]);
  await page.goto(`${app()}/book?service=consultation&location=soho`);
  await expect(page.getByLabel(/Skin consultation/)).toBeChecked();
  await page.getByRole('button', { name: 'Continue' }).click();
  await answerIntake(page);
  await page.getByRole('button', { name: 'See my result' }).click();
  await page.getByRole('button', { name: 'Choose your times' }).click();
  const first = page.getByRole('group', { name: /^Free times on/ }).getByRole('radio').first();
  await first.check();
  const taken = await first.getAttribute('value');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Full name').fill('Robin Lee');
  await page.getByLabel('Email address').fill('robin@example.com');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Check and confirm' })).toBeVisible();

  // Someone else books that very time meanwhile.
  const [practitionerId, start] = taken.split('@');
  const intake = (await api('/api/intakes', { method: 'POST', body: (await import('./helpers.mjs')).eligibleAnswers() })).body;
  const other = await api('/api/bookings', { method: 'POST', body: { intakeId: intake.intakeId, serviceId: 'consultation', locationId: 'soho', addOnIds: [],
    patient: { name: 'Other Patient', email: 'other@example.com' }, sessions: [{ practitionerId, start }] } });
  expect(other.status).toBe(201);

  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByRole('alert')).toHaveText('Sorry, the time you chose for session 1 was booked by someone else a moment ago. Here are the times that are free now.');
  await expect(page.getByRole('heading', { name: 'Choose a time', exact: true })).toBeFocused();
  await expect(page.getByRole('group', { name: /^Free times on/ }).getByRole('radio').first()).toBeVisible();
  await expect(page.locator(`clinic-booking input[value="${taken}"]`)).toHaveCount(0);
  await step(page, 'book-slot-taken');
  await page.getByRole('group', { name: /^Free times on/ }).getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByRole('heading', { name: 'You’re booked' })).toBeVisible();
  guard.check();
});

test('the booking page sends at most 60 KB of scripts and styles, compressed', async ({ page }) => {
  const responses = [];
  page.on('response', (r) => ['script', 'stylesheet'].includes(r.request().resourceType()) && responses.push(r));
  await page.goto(`${app()}/book`);
  await expect(page.getByRole('heading', { name: 'What would you like to book?' })).toBeVisible();
  let total = 0;
  for (const response of responses) {
    expect(response.headers()['content-security-policy']).toBeUndefined();
    total += (await response.request().sizes()).responseBodySize;
  }
  expect(responses.length).toBeGreaterThanOrEqual(3);
  expect(total).toBeLessThanOrEqual(60 * 1024);
  console.log(`booking page: ${responses.length} scripts and stylesheets, ${total} bytes compressed`);
});
