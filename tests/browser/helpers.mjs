// What the browser tests share: screenshots at phone and desktop width, axe-core checks, a guard
// against console errors and CSP violations, and direct API calls to set up bookings.
import { expect } from '@playwright/test';
import { createHash, createHmac } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const shots = join(here, '..', '..', 'artifacts', 'browser', 'screenshots');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const app = () => process.env.APP_ORIGIN;
export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 900 };

/** Fails the test on any console error or CSP violation the page reports, but for the refusals a test provokes (`expected` statuses). */
export function watch(page, expected = []) {
  const problems = [];
  const provoked = (text) => expected.some((status) => text.includes(`status of ${status}`));
  page.on('console', (m) => m.type() === 'error' && !provoked(m.text()) && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return {
    problems,
    check: () => expect(problems, problems.join('\n')).toEqual([]),
  };
}

/** A full-page screenshot at phone width and one at desktop width, under artifacts/browser/screenshots. */
export async function snap(page, name) {
  mkdirSync(shots, { recursive: true });
  const size = page.viewportSize();
  for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(50);
    await page.screenshot({ path: join(shots, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(size);
}

/** axe-core on the whole page, shadow roots included: no violations. */
export async function axe(page, what) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(summary, `${what}: ${summary.join('\n')}`).toEqual([]);
}

/** Every check of a step: axe, then screenshots. */
export async function step(page, name) {
  await axe(page, name);
  await snap(page, name);
}

export async function api(path, { method = 'GET', body, headers } = {}) {
  const response = await fetch(new URL(path, app()), {
    method, body: body ? JSON.stringify(body) : undefined,
    headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

export const eligibleAnswers = (severity = 'mild') => ({
  activeBreakout: false, rosacea: false, eczema: false, irritatedSunburntOrInflamedSkin: false, pregnant: false, radiationTreatment: 'none',
  scarsEasily: false, otherSkinConditionInArea: false, scarTypes: ['rolling', 'boxcar'], severity, fitzpatrickType: 3,
});

const addDays = (date, days) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Free slots from the API, soonest first. */
export async function freeSlots(serviceId, from, days = 13, practitionerId) {
  const query = new URLSearchParams({ serviceId, locationId: 'soho', from, to: addDays(from, days), ...(practitionerId ? { practitionerId } : {}) });
  const { body } = await api(`/api/availability?${query}`);
  return body.slots;
}

/** A booking made through the API: one session per start given, or a series found from availability. */
export async function book({ email = 'someone@example.com', name = 'Alex Example', sessions, count = 1, firstFrom } = {}) {
  const intake = (await api('/api/intakes', { method: 'POST', body: eligibleAnswers(count >= 3 ? 'mild' : 'mild') })).body;
  let chosen = sessions;
  if (!chosen) {
    chosen = [];
    let from = firstFrom ?? addDays(new Date().toISOString().slice(0, 10), 7);
    for (let i = 0; i < count; i++) {
      const slot = (await freeSlots('microneedling', from, i === 0 ? 13 : 14))[0];
      chosen.push({ practitionerId: slot.practitionerId, start: slot.start });
      from = addDays(slot.start.slice(0, 10), 28);
    }
  }
  const response = await api('/api/bookings', {
    method: 'POST',
    body: { intakeId: intake.intakeId, serviceId: 'microneedling', locationId: 'soho', addOnIds: [], patient: { name, email }, sessions: chosen },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

export const manageUrl = (booking) => `${app()}/manage/${booking.bookingId}#token=${encodeURIComponent(booking.manageToken)}`;

/** The unsubscribe link the app puts in its emails, computed as the app does (HMAC of the address hash). */
export function unsubscribeUrl(email) {
  const hash = createHash('sha256').update(email.trim().toUpperCase()).digest('hex');
  const token = createHmac('sha256', Buffer.from(process.env.MANAGE_TOKEN_KEY, 'base64')).update(`unsubscribe:${hash}`).digest('hex').slice(0, 32);
  return `${app()}/unsubscribe/${hash}/${token}`;
}

/** The booking element's shadow content is reached by Playwright's locators directly (open shadow roots). */
export const journey = (page) => page.locator('clinic-booking');
