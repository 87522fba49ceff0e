import { Button } from './Button';
import { useI18n } from './i18n-context';
import './DashboardViews.css';

export type DashboardView = 'list' | 'history';

export interface DashboardViewsProps {
  current: DashboardView;
  onChange: (view: DashboardView) => void;
}

/** The dashboard's two views: the expired users and the alerts delivered. */
export const DashboardViews = ({ current, onChange }: DashboardViewsProps) => {
  const { t } = useI18n();
  const view = (name: DashboardView, label: 'viewList' | 'viewHistory') => (
    <Button
      variant={current === name ? 'primary' : 'secondary'}
      aria-current={current === name ? 'page' : undefined}
      onClick={() => onChange(name)}
    >
      {t(label)}
    </Button>
  );
  return (
    <nav class="dash-views" aria-label={t('dashboardTitle')}>
      {view('list', 'viewList')}
      {view('history', 'viewHistory')}
    </nav>
  );
};
