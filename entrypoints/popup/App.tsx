import { useMemo } from 'preact/hooks';
import { useLiveView } from '../../hooks/use-live-view';
import { Popup } from './Popup';

/**
 * The live view, at most ten times a second. The view hook re-renders this component on every storage
 * change; handing Preact the same memoised element makes it skip the popup until the throttled view moves.
 */
export const App = () => {
  const view = useLiveView();
  return useMemo(() => <Popup view={view} />, [view]);
};
