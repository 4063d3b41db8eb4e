import { LoadingScreen } from '../components/LoadingScreen';
import { useContractQuery } from '../hooks/useContractQuery';
import { ConnectionProblem } from '../routes/ConnectionProblem';
import { StartupProblem } from '../routes/StartupProblem';
import { SessionGate } from './SessionGate';

/** First question at launch: could the core open its data? If not, the recovery screen is all there is. */
export function StartupGate() {
  const info = useContractQuery('app:info', {});
  if (info.isPending) return <LoadingScreen />;
  if (info.isError) return <ConnectionProblem error={info.error} onRetry={() => void info.refetch()} />;
  if (info.data.problem) return <StartupProblem problem={info.data.problem} />;
  return <SessionGate />;
}
