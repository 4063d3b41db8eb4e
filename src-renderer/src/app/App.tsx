import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { HashRouter } from 'react-router';
import { ToastProvider } from '../components/ToastProvider';
import { StartupGate } from './StartupGate';

/** Providers around everything. A hash router, so the same build works under app:// and http://. */
export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <HashRouter>
          <StartupGate />
        </HashRouter>
      </ToastProvider>
    </QueryClientProvider>
  );
}
