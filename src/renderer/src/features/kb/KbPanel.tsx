import { useShownText, useT, type ShownText } from '../../i18n/useT';
import { useEffect, useRef, useState } from 'react';
import { suggestionText, type KbArticle, type KbHit } from '../../../../shared/contract/kb';
import { firstParagraphText } from '../../../../shared/markdown/plainText';
import { errorInfo, invoke } from '../../api';
import { KbArticleView } from './KbArticleView';
import { KbSearchBox } from './KbBits';
import { KbResultList } from './KbResultList';
import './kb.css';

interface Props {
  id?: string;
  /** Kept mounted but not shown (a closed drawer). */
  hidden?: boolean;
  /** Shown as a drawer over the workspace (compact window). */
  drawer?: boolean;
  /** Closes the drawer (Escape, or its close button). */
  onClose?: (() => void) | undefined;
  /** The ticket's subject and first customer message: what the suggestions are based on. */
  subject: string;
  firstMessage: string;
  brandId?: string | null;
  /** The ticket's language: suggestions in it come first. */
  language?: string | null;
  onInsertLink: (article: KbArticle) => void;
  /** `text`: what the advocate selected in the article, or its first paragraph. */
  onInsertExcerpt: (article: KbArticle, text: string) => void;
}

/** The knowledge base beside a ticket: suggestions, search, preview, insert into the reply. */
export function KbPanel({
  id,
  hidden = false,
  drawer = false,
  onClose,
  subject,
  firstMessage,
  brandId = null,
  language = null,
  onInsertLink,
  onInsertExcerpt,
}: Props) {
  const t = useT();
  const shownText = useShownText();
  const [query, setQuery] = useState('');
  const [suggested, setSuggested] = useState<KbHit[]>([]);
  const [found, setFound] = useState<KbHit[]>([]);
  const [article, setArticle] = useState<KbArticle | null>(null);
  const [error, setError] = useState<ShownText | null>(null);
  const latest = useRef(0);
  const preview = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLElement>(null);
  // A drawer that opens takes focus to its search box; Escape gives it back (see onClose).
  useEffect(() => {
    if (drawer && !hidden) panel.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, [drawer, hidden]);

  // An opened article is brought to the top of the panel (it opens below the list, often out of
  // view); its heading takes focus without a second scroll, so a keyboard user is there too.
  const articleId = article?.id;
  useEffect(() => {
    const box = panel.current;
    const shown = preview.current;
    if (!articleId || !box || !shown) return;
    box.scrollTop += shown.getBoundingClientRect().top - box.getBoundingClientRect().top;
    shown.querySelector<HTMLElement>('h3')?.focus({ preventScroll: true });
  }, [articleId]);

  useEffect(() => {
    let live = true;
    invoke('kb:suggest', {
      text: suggestionText(subject, firstMessage),
      brandId,
      tag: null,
      limit: 8,
      language,
    }).then(
      (result) => live && !result.superseded && setSuggested(result.hits),
      (e: unknown) => live && setError(errorInfo(e)),
    );
    return () => {
      live = false;
    };
  }, [subject, firstMessage, brandId, language]);

  const search = (text: string) => {
    setQuery(text);
    const seq = ++latest.current;
    if (text.trim() === '') {
      setFound([]);
      return;
    }
    invoke('kb:search', { query: text, brandId, tag: null, limit: 15 }).then(
      (result) => {
        if (seq === latest.current && !result.superseded) setFound(result.hits);
      },
      (e: unknown) => seq === latest.current && setError(errorInfo(e)),
    );
  };

  const open = (id: string) => {
    invoke('kb:article', { id }).then(setArticle, (e: unknown) => setError(errorInfo(e)));
  };

  const excerpt = (a: KbArticle): string => {
    const selection = window.getSelection();
    const inPreview =
      selection && !selection.isCollapsed && preview.current?.contains(selection.anchorNode);
    const selected = inPreview ? selection.toString().trim() : '';
    return selected || firstParagraphText(a.bodyMarkdown);
  };

  const searching = query.trim() !== '';
  const hits = searching ? found : suggested;
  return (
    <aside
      ref={panel}
      id={id}
      tabIndex={0}
      className={`kb-panel${drawer ? ' kb-panel--drawer' : ''}`}
      aria-label={t('nav.kb')}
      hidden={hidden}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onClose) {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      {onClose ? (
        <button type="button" className="link-button kb-panel__close" onClick={onClose}>
          {t('kb.closePanel')}
        </button>
      ) : null}
      <KbSearchBox
        label={t('kb.panelSearch')}
        value={query}
        onChange={search}
        onEnter={() => hits[0] && open(hits[0].id)}
      />
      {error ? <p role="alert">{shownText(error)}</p> : null}
      <h3 className="kb-panel__heading">{t(searching ? 'kb.resultsHeading' : 'kb.suggested')}</h3>
      {hits.length === 0 ? (
        <p className="muted">{t(searching ? 'kb.noMatch' : 'kb.noSuggestions')}</p>
      ) : (
        <KbResultList
          hits={hits}
          selectedId={article?.id ?? null}
          onOpen={open}
          label={t(searching ? 'kb.resultsHeading' : 'kb.suggestedList')}
        />
      )}
      {article ? (
        <div className="kb-panel__preview" ref={preview}>
          <KbArticleView
            article={article}
            onArticleLink={open}
            headingLevel={3}
            actions={
              <>
                <button type="button" className="button" onClick={() => onInsertLink(article)}>
                  {t('kb.insertLink')}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => onInsertExcerpt(article, excerpt(article))}
                >
                  {t('kb.insertExcerpt')}
                </button>
                <button type="button" className="link-button" onClick={() => setArticle(null)}>
                  {t('common.close')}
                </button>
              </>
            }
          />
        </div>
      ) : null}
    </aside>
  );
}
