import { useTranslation } from 'react-i18next';
import { useNoteMedia } from '../../hooks/useNoteMedia';

/** A picture that came with the note; nothing while it loads or when its file is missing. */
export function NotePicture({ noteId, name }: { noteId: string; name: string }) {
  const { t } = useTranslation();
  const { url } = useNoteMedia(noteId, name);
  if (!url) return null;
  return <img className="card-picture" src={url} alt={t('review.picture')} />;
}
