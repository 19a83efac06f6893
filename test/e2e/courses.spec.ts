import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

test('passes a course and gains the skill', async ({ gigdesk }) => {
  const { page } = gigdesk;
  await gigdesk.open();
  await page.getByRole('button', { name: 'Open the demo workspace' }).click();
  await expect(
    page.getByRole('main', { name: 'Feed' }).getByRole('list', { name: 'Open tasks' }),
  ).toBeVisible({ timeout: 20_000 });
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Settings' })
    .click();
  const panel = page.getByRole('region', { name: 'Courses' });
  const list = panel.getByRole('list', { name: 'Courses' });
  await expect(list.getByRole('listitem')).toHaveText([/Warranty claims.*Not taken/]);
  await panel.getByRole('button', { name: 'Open the course Warranty claims' }).click();

  // The articles to read, from the local KB.
  const reading = panel.getByRole('region', { name: 'Read first' });
  await expect(
    reading.getByRole('heading', { name: 'Warranty and repairs: Trollvind 2 tent' }),
  ).toBeVisible();
  await expect(reading).toContainText('3-year warranty');

  // Practice: write an answer, leave and come back (kept as a draft), then see the model answer.
  const practice = panel.getByRole('region', { name: 'Practice' });
  const pole = practice.getByRole('article', { name: 'Pole snapped on the first trip' });
  await expect(pole).toContainText('one of the poles snapped on our second night out');
  await pole.getByLabel('Your answer').fill('Sorry about the pole! It is covered; send a photo.');
  await expect(pole.getByRole('region', { name: 'Model answer' })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Back to courses' }).click();
  await panel.getByRole('button', { name: 'Open the course Warranty claims' }).click();
  await expect(pole.getByLabel('Your answer')).toHaveValue(
    'Sorry about the pole! It is covered; send a photo.',
  );
  await pole.getByRole('button', { name: 'Show model answer' }).click();
  await expect(pole.getByRole('region', { name: 'Model answer' })).toContainText(
    'the Trollvind 2 has a 3-year warranty',
  );

  // An unanswered question is named before anything is sent.
  await panel.getByRole('button', { name: 'Submit answers' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Answer every question before submitting.');

  const q1 = panel.getByRole('group', { name: /^Question 1:/ });
  await q1.getByRole('radio', { name: '3 years' }).check();
  const q2 = panel.getByRole('group', { name: /^Question 2:/ });
  await q2.getByRole('checkbox', { name: 'A seam that fails under normal use' }).check();
  await q2.getByRole('checkbox', { name: 'A zip that breaks under normal use' }).check();
  const q3 = panel.getByRole('group', { name: /^Question 3:/ });
  await q3.getByRole('radio', { name: 'Photos of the problem and the product label' }).check();
  expect(await seriousViolations(page)).toEqual([]);
  await panel.getByRole('button', { name: 'Submit answers' }).click();

  await expect(panel.getByRole('status')).toHaveText(
    'Passed: 3 of 3 correct. You are now certified in warranty and have the skill.',
    { timeout: 20_000 },
  );
  await page.screenshot({ path: 'test-results/course-passed.png' });
  expect(await seriousViolations(page)).toEqual([]);

  // The server granted the skill and the certification.
  const store = gigdesk.demo.server!.store;
  const brand = await store.findBrandByName('Fjellhavn Outdoor');
  const members = await store.listAdvocates(brand!.id);
  const me = members.find((m) => m.skills.includes('warranty'));
  expect(me, 'an advocate with the warranty skill').toBeTruthy();

  await panel.getByRole('button', { name: 'Back to courses' }).click();
  await expect(list.getByRole('listitem')).toHaveText([
    /Warranty claims.*Passed: skill warranty.*1 attempt/,
  ]);
});
