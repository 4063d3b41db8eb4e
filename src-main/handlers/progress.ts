import type { progressContract } from '../../src-shared/contract/progress';
import type { HandlersFor } from './types';

export const progressHandlers: HandlersFor<typeof progressContract> = {
  'progress:dashboard': (_input, { services, profileId }) => services.progress.dashboard(profileId),
  'progress:heatmap': ({ year }, { services, profileId }) => services.progress.heatmap(profileId, year),
  'progress:achievements': (_input, { services, profileId }) => ({
    achievements: services.progress.achievements(profileId),
  }),
  'progress:claimAnnouncements': (_input, { services, profileId }) => ({
    achievements: services.progress.claimAnnouncements(profileId),
  }),
  'progress:weeklyReport': ({ week }, { services, profileId }) => services.progress.weeklyReport(profileId, week),
  'progress:saveReportPdf': ({ fileName }, { services }) => services.progress.saveReportPdf(fileName),
};
