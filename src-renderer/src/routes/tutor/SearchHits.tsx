import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TutorSearchHit } from '../../../../src-shared/domain/tutor';

/** A snippet with its matching stretches marked; offsets come from the core, no HTML crosses the boundary. */
function Snippet({ hit }: { hit: TutorSearchHit }) {
  const pieces: { text: string; match: boolean }[] = [];
  let at = 0;
  for (const { start, end } of [...hit.highlights].sort((a, b) => a.start - b.start)) {
    if (start < at || end <= start) continue;
    if (start > at) pieces.push({ text: hit.snippet.slice(at, start), match: false });
    pieces.push({ text: hit.snippet.slice(start, end), match: true });
    at = end;
  }
  if (at < hit.snippet.length) pieces.push({ text: hit.snippet.slice(at), match: false });
  return (
    <span className="search-snippet">
      {pieces.map((piece, index) => (piece.match ? <mark key={index}>{piece.text}</mark> : piece.text))}
    </span>
  );
}

/** Messages that matched a search over every conversation, each leading to its conversation. */
export function SearchHits({ hits, total, query }: { hits: TutorSearchHit[]; total: number; query: string }) {
  const { t } = useTranslation();
  if (hits.length === 0) return <p className="field-hint conversation-empty">{t('tutor.list.noHits', { query })}</p>;
  return (
    <>
      <p className="field-hint" role="status">
        {t('tutor.list.hits', { count: total })}
      </p>
      <ul className="conversation-list">
        {hits.map((hit) => (
          <li key={hit.messageId}>
            <Link className="conversation-link" to={`/tutor/${hit.conversationId}`}>
              <span className="conversation-title">{hit.conversationTitle}</span>
              <span className="conversation-preview">
                <span className="conversation-role">
                  {hit.role === 'learner' ? t('tutor.list.you') : t('tutor.list.tutor')}:
                </span>{' '}
                <Snippet hit={hit} />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
