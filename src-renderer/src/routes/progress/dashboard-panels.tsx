import type { ReactNode } from 'react';
import type { Dashboard } from '../../../../src-shared/contract/progress';
import { CardStatesPanel } from './CardStatesPanel';
import { ForecastPanel } from './ForecastPanel';
import { HeatmapPanel } from './HeatmapPanel';
import { RetentionPanel } from './RetentionPanel';

/**
 * The dashboard's panels in order. The extension point for later features: the tutor's conversation statistics and
 * the voice practice's speaking metrics each add one entry here, reading their own key of the dashboard output
 * (see `dashboard` in src-shared/contract/progress.ts) and returning null while it is absent.
 */
export const DASHBOARD_PANELS: { key: string; render: (dashboard: Dashboard) => ReactNode }[] = [
  { key: 'heatmap', render: () => <HeatmapPanel /> },
  { key: 'forecast', render: (d) => <ForecastPanel forecast={d.forecast} /> },
  { key: 'retention', render: (d) => <RetentionPanel retention={d.retention} /> },
  { key: 'cards', render: (d) => <CardStatesPanel cards={d.cards} /> },
];
