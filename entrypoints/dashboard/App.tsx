import { useMemo } from 'preact/hooks';
import { useLiveView } from '../../hooks/use-live-view';
import { Dashboard } from './Dashboard';

/** The live view, at most ten times a second (see the popup's App for how the memoised element helps). */
export const App = () => {
  const view = useLiveView();
  return useMemo(() => <Dashboard view={view} />, [view]);
};
