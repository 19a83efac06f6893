import { fireEvent, render, screen } from './render';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { serverUrlProblem } from '../../src/shared/domain/serverUrl';
import { FirstRun } from '../../src/renderer/src/features/session/FirstRun';
import { useSession } from '../../src/renderer/src/features/session/sessionStore';

describe('FirstRun', () => {
  beforeEach(() =>
    useSession.setState({
      status: { state: 'signed_out' },
      error: null,
      busy: false,
      exploring: false,
    }),
  );

  it('checks the server address before connecting', () => {
    expect(serverUrlProblem('feed.example.com')?.id).toBe('error.serverUrl.notAnAddress');
    expect(serverUrlProblem('ftp://feed.example.com')?.id).toBe('error.serverUrl.notHttps');
    expect(serverUrlProblem('https://feed.example.com')).toBeNull();
  });

  it('connects with the trimmed address and code', () => {
    const connect = vi.fn(async () => undefined);
    useSession.setState({ connect });
    render(<FirstRun />);
    fireEvent.change(screen.getByLabelText('Server address'), {
      target: { value: ' https://feed.example.com ' },
    });
    fireEvent.change(screen.getByLabelText('Invite code'), { target: { value: ' 7KQ2-M9XD ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(connect).toHaveBeenCalledWith('https://feed.example.com', '7KQ2-M9XD');
  });

  it('says what is wrong and sends nothing for a short code', () => {
    const connect = vi.fn(async () => undefined);
    useSession.setState({ connect });
    render(<FirstRun />);
    fireEvent.change(screen.getByLabelText('Server address'), {
      target: { value: 'https://feed.example.com' },
    });
    fireEvent.change(screen.getByLabelText('Invite code'), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(screen.getByRole('alert').textContent).toMatch(/invite code/);
    expect(connect).not.toHaveBeenCalled();
  });

  it('offers the demo workspace and a way to look around', () => {
    const openDemo = vi.fn(async () => undefined);
    const explore = vi.fn();
    useSession.setState({ openDemo, explore });
    render(<FirstRun />);
    fireEvent.click(screen.getByRole('button', { name: 'Open the demo workspace' }));
    fireEvent.click(screen.getByRole('button', { name: 'Look around first' }));
    expect(openDemo).toHaveBeenCalledOnce();
    expect(explore).toHaveBeenCalledOnce();
  });
});
