import { expect, test } from '@playwright/test';
import { app, PHONE } from './helpers.mjs';

/** The element that has the focus, looking inside shadow roots. */
const focused = (page) => page.evaluate(() => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return { tag: a.tagName.toLowerCase(), type: a.type ?? '', name: a.name ?? '', value: a.value ?? '', text: (a.textContent ?? '').trim(), checked: !!a.checked };
});

/** Presses Tab until the focus is on what `matches` accepts. */
async function tabTo(page, matches, what) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (matches(await focused(page))) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

const named = (name) => (f) => f.name === name;
const button = (text) => (f) => f.tag === 'button' && f.text === text;

test('the whole booking journey works with the keyboard alone', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto(`${app()}/book`);
  await expect(page.getByRole('heading', { name: 'What would you like to book?' })).toBeVisible();

  await tabTo(page, named('service'), 'the treatments');
  await page.keyboard.press('ArrowDown');
  expect(await focused(page)).toMatchObject({ value: 'microneedling', checked: true });
  await tabTo(page, named('location'), 'the locations');
  await page.keyboard.press('Space');
  await tabTo(page, button('Continue'), 'Continue');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'A few questions about your skin' })).toBeFocused();
  for (const question of ['activeBreakout', 'rosacea', 'eczema', 'irritatedSunburntOrInflamedSkin', 'pregnant']) {
    await tabTo(page, named(question), question);
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toMatchObject({ value: 'false', checked: true });
  }
  await tabTo(page, named('radiationTreatment'), 'radiation');
  await page.keyboard.press('Space');
  for (const question of ['scarsEasily', 'otherSkinConditionInArea']) {
    await tabTo(page, named(question), question);
    await page.keyboard.press('ArrowRight');
  }
  await tabTo(page, (f) => f.name === 'scarTypes' && f.value === 'rolling', 'rolling scars');
  await page.keyboard.press('Space');
  await tabTo(page, named('severity'), 'severity');
  await page.keyboard.press('Space');
  await tabTo(page, named('fitzpatrickType'), 'skin type');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, button('See my result'), 'See my result');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Good news: microneedling suits you' })).toBeFocused();
  await tabTo(page, (f) => f.name === 'addOns' && f.value === 'vitamin-c', 'vitamin C');
  await page.keyboard.press('Space');
  await tabTo(page, button('Choose your times'), 'Choose your times');
  await page.keyboard.press('Enter');

  for (let n = 1; n <= 3; n++) {
    await expect(page.getByRole('heading', { name: `Choose a time for session ${n} of 3` })).toBeFocused();
    await tabTo(page, named(`session-${n}`), `session ${n}'s times`);
    await page.keyboard.press('Space');
    expect(await focused(page)).toMatchObject({ checked: true });
    await tabTo(page, button('Continue'), 'Continue');
    await page.keyboard.press('Enter');
  }

  await expect(page.getByRole('heading', { name: 'Your details' })).toBeFocused();
  await tabTo(page, named('name'), 'the name');
  await page.keyboard.type('Kim Keyboard');
  await tabTo(page, named('email'), 'the email');
  await page.keyboard.type('kim@example.com');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Check and confirm' })).toBeFocused();
  await expect(page.getByText('Vitamin C serum')).toBeVisible();
  await tabTo(page, button('Confirm booking'), 'Confirm booking');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'You’re booked' })).toBeFocused();
  await tabTo(page, (f) => f.tag === 'a' && f.text === 'Manage my booking', 'the manage link');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/manage\/bk_/);
  await expect(page.getByText('Booked')).toHaveCount(3);
});
