// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '../render';
import { describe, expect, it } from 'vitest';
import { CourseQuiz } from '../../../src/renderer/src/features/courses/CourseQuiz';
import type { CourseEntry } from '../../../src/shared/contract/courses';
import { mockGigdesk } from '../kb/gigdeskMock';

const course: CourseEntry = {
  brandId: 'b1',
  brandName: 'Acme',
  skill: 'warranty',
  title: 'Warranty claims',
  articleIds: [],
  items: [{ question: 'How long?', options: ['1 year', '3 years'], multiple: false }],
  passMark: 1,
  practice: [
    {
      id: 'pole',
      subject: 'Pole snapped',
      customerMessage: 'One of the poles snapped while pitching.',
      modelAnswer: 'A pole that breaks in normal use is covered: send a photo of it.',
    },
  ],
  practiceDrafts: { pole: 'Sorry to hear' },
  updatedAt: 0,
  attempts: 0,
  certified: false,
  last: null,
  mine: null,
};

// jsdom role queries are slow on a busy machine.
describe('<CourseQuiz> practice', { timeout: 20_000 }, () => {
  it('shows the model answer only when asked, keeps the answer as a draft, and sends nothing', async () => {
    const calls = mockGigdesk({ 'courses:practiceDraft': () => ({ savedAt: 1 }) });
    render(
      <CourseQuiz
        course={course}
        onSubmitted={() => undefined}
        onClose={() => undefined}
        onPracticeDraft={() => undefined}
      />,
    );
    const message = screen.getByText('One of the poles snapped while pitching.');
    expect(message.getAttribute('dir')).toBe('auto');
    const answer = screen.getByLabelText('Your answer') as HTMLTextAreaElement;
    expect(answer.value).toBe('Sorry to hear');
    expect(screen.queryByText(/A pole that breaks in normal use/)).toBeNull();

    fireEvent.change(answer, { target: { value: 'Sorry to hear that; it is covered.' } });
    fireEvent.blur(answer);
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({
      channel: 'courses:practiceDraft',
      input: {
        brandId: 'b1',
        skill: 'warranty',
        caseId: 'pole',
        answer: 'Sorry to hear that; it is covered.',
      },
    });
    expect(screen.queryByText(/A pole that breaks in normal use/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Show model answer' }));
    const model = screen.getByRole('region', { name: 'Model answer' });
    expect(model.textContent).toContain('A pole that breaks in normal use is covered');
    // Their own answer stays beside it.
    expect((screen.getByLabelText('Your answer') as HTMLTextAreaElement).value).toBe(
      'Sorry to hear that; it is covered.',
    );
    // A sandbox: only the local draft was written; no submit, no send, no reply.
    expect(calls.map((c) => c.channel)).toEqual(['courses:practiceDraft']);
  });
});
