import { emitToPage } from './bridge';
import { expect, test } from './fixtures';

test('a click on a desktop notification opens its task: in My tickets when held, else in the feed', async ({
  gigdesk,
}) => {
  const { page, handlers } = gigdesk;
  await gigdesk.open();
  await page.getByRole('button', { name: 'Open the demo workspace' }).click();
  const openTasks = page
    .getByRole('main', { name: 'Feed' })
    .getByRole('list', { name: 'Open tasks' });
  await expect(openTasks.getByRole('listitem').first()).toBeVisible({ timeout: 20_000 });
  const { tasks } = await handlers['feed:list']({
    ...(await handlers['feed:prefs'](undefined)),
    offset: 0,
    limit: 3,
    withTotal: false,
  });
  const [held, other, unclaimed] = tasks;
  await handlers['feed:claim']({ taskId: held!.id });
  await handlers['feed:claim']({ taskId: other!.id });
  await handlers['sync:now'](undefined);

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Earnings' }).click();
  // A task this advocate holds (not the one My tickets would open first): its ticket.
  await emitToPage(page, 'notification:clicked', { taskId: other!.id });
  const tickets = page.getByRole('main', { name: 'My tickets' });
  await expect(tickets.getByRole('heading', { level: 2, name: other!.subject })).toBeVisible();

  // A task in the feed: the feed with that task's detail open.
  await emitToPage(page, 'notification:clicked', { taskId: unclaimed!.id });
  const feed = page.getByRole('main', { name: 'Feed' });
  await expect(
    feed.getByRole('complementary', { name: `Task: ${unclaimed!.subject}` }),
  ).toBeVisible();

  // A bundled notification names no task: the feed.
  await nav.getByRole('button', { name: 'Settings' }).click();
  await emitToPage(page, 'notification:clicked', { taskId: null });
  await expect(page.getByRole('main', { name: 'Feed' })).toBeVisible();
});
