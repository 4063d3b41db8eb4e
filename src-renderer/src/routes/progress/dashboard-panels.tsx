import type { ReactNode } from 'react';
import type { Dashboard } from '../../../../src-shared/contract/progress';
import { CardStatesPanel } from './CardStatesPanel';
import { ConversationPanel } from './ConversationPanel';
import { CorrectionsPanel } from './CorrectionsPanel';
import { ForecastPanel } from './ForecastPanel';
import { HeatmapPanel } from './HeatmapPanel';
import { RetentionPanel } from './RetentionPanel';
import { SpeakingPanel } from './SpeakingPanel';

/**
 * The dashboard's panels in order. The extension point for later features: each adds one entry here, reading its own
 * key of the dashboard output (see `dashboard` in src-shared/contract/progress.ts), as the tutor's conversation
 * statistics and the voice practice's speaking metrics do.
 */
export const DASHBOARD_PANELS: { key: string; render: (dashboard: Dashboard) => ReactNode }[] = [
  { key: 'heatmap', render: () => <HeatmapPanel /> },
  { key: 'forecast', render: (d) => <ForecastPanel forecast={d.forecast} /> },
  { key: 'retention', render: (d) => <RetentionPanel retention={d.retention} /> },
  { key: 'cards', render: (d) => <CardStatesPanel cards={d.cards} /> },
  { key: 'conversation', render: (d) => <ConversationPanel conversation={d.conversation} /> },
  { key: 'corrections', render: (d) => <CorrectionsPanel conversation={d.conversation} /> },
  { key: 'speaking', render: (d) => <SpeakingPanel speaking={d.speaking} /> },
];
