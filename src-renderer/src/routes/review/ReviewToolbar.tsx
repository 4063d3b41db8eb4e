import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../../components/Icon';
import { Kbd } from '../../components/Kbd';

interface Props {
  canUndo: boolean;
  busy: boolean;
  onUndo: () => void;
  onEdit: () => void;
  onSuspend: () => void;
  onBury: () => void;
}

/** The less frequent actions on a card, each with its key. */
export function ReviewToolbar({ canUndo, busy, onUndo, onEdit, onSuspend, onBury }: Props) {
  const { t } = useTranslation();
  const tools: {
    key: string;
    shortcut: string;
    icon: IconName;
    label: string;
    disabled: boolean;
    onClick: () => void;
  }[] = [
    { key: 'undo', shortcut: 'Z', icon: 'undo', label: t('review.undo'), disabled: !canUndo || busy, onClick: onUndo },
    { key: 'edit', shortcut: 'E', icon: 'edit', label: t('review.edit'), disabled: false, onClick: onEdit },
    { key: 'suspend', shortcut: 'S', icon: 'pause', label: t('review.suspend'), disabled: busy, onClick: onSuspend },
    { key: 'bury', shortcut: 'B', icon: 'bury', label: t('review.bury'), disabled: busy, onClick: onBury },
  ];
  return (
    <div role="group" aria-label={t('review.toolbar')} className="review-toolbar">
      {tools.map((tool) => (
        <button
          key={tool.key}
          type="button"
          className="button button-small button-ghost"
          aria-keyshortcuts={tool.shortcut}
          disabled={tool.disabled}
          onClick={tool.onClick}
        >
          <Icon name={tool.icon} size={18} />
          {tool.label}
          <Kbd>{tool.shortcut}</Kbd>
        </button>
      ))}
    </div>
  );
}
