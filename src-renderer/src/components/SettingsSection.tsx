import { useId, type ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

interface Props {
  title: string;
  description?: string;
  icon: IconName;
  tone?: 'normal' | 'danger';
  children: ReactNode;
}

/** One card on the settings page, a labelled region so it can be reached by its heading. */
export function SettingsSection({ title, description, icon, tone = 'normal', children }: Props) {
  const id = useId();
  return (
    <section className={`panel settings-section ${tone === 'danger' ? 'settings-danger' : ''}`} aria-labelledby={id}>
      <header className="settings-section-header">
        <span className="settings-section-icon">
          <Icon name={icon} />
        </span>
        <div>
          <h2 id={id} className="settings-section-title">
            {title}
          </h2>
          {description && <p className="settings-section-description">{description}</p>}
        </div>
      </header>
      {children}
    </section>
  );
}
