import { useEffect, useState } from 'react';
import type { KbVoteState } from '../../../../shared/contract/kbFeedback';
import type { KbVote } from '../../../../shared/kbFeedbackProtocol';
import { invoke } from '../../api';
import type { MessageId } from '../../i18n/catalogs';
import { useT } from '../../i18n/useT';

const voteLabel: Record<KbVote, MessageId> = {
  helpful: 'kb.feedback.helpful',
  outdated: 'kb.feedback.outdated',
};
const stateLabel: Record<KbVoteState['state'], MessageId | null> = {
  none: null,
  pending: 'kb.feedback.pending',
  sent: 'kb.feedback.sent',
  refused: 'kb.feedback.refused',
};

/** "Helpful / outdated" on an article: one vote, changeable, kept offline until sent. */
export function KbFeedback({ articleId }: { articleId: string }) {
  const t = useT();
  const [vote, setVote] = useState<KbVoteState | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setVote(null);
    setFailed(false);
    invoke('kb:vote', { articleId }).then(
      (v) => live && setVote(v),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [articleId]);
  const choose = async (choice: KbVote) => {
    try {
      setVote(await invoke('kb:setVote', { articleId, vote: choice }));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };
  const status = vote ? stateLabel[vote.state] : null;
  return (
    <div className="kb-feedback" role="group" aria-label={t('kb.feedback.label')}>
      <span className="muted">{t('kb.feedback.question')}</span>
      {(['helpful', 'outdated'] as const).map((choice) => (
        <button
          key={choice}
          type="button"
          className="button button--small"
          aria-pressed={vote?.vote === choice}
          onClick={() => void choose(choice)}
        >
          {t(voteLabel[choice])}
        </button>
      ))}
      <span className="muted" role="status">
        {failed ? t('kb.feedback.failed') : status ? t(status) : ''}
      </span>
    </div>
  );
}
