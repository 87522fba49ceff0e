import type { Settings } from '../../utils/settings';
import { useI18n } from '../i18n-context';
import type { ConnectionTestState } from './connection-test-state';
import { Section } from './Section';
import { ServerUrlForm } from './ServerUrlForm';
import { SwitchField } from './SwitchField';

export interface ServerSectionProps {
  serverUrl: string;
  monitoring: boolean;
  test: ConnectionTestState;
  testTimeoutMs: number;
  onChange: (change: Partial<Settings>) => void;
  onTest: (url: string) => void;
}

export const ServerSection = ({ serverUrl, monitoring, test, testTimeoutMs, onChange, onTest }: ServerSectionProps) => {
  const { t } = useI18n();
  return (
    <Section id="server" title={t('optServerTitle')}>
      <ServerUrlForm
        savedUrl={serverUrl}
        test={test}
        testTimeoutMs={testTimeoutMs}
        onSave={(url) => onChange({ serverUrl: url })}
        onTest={onTest}
      />
      <SwitchField
        label={t('optMonitoringLabel')}
        help={t('optMonitoringHelp')}
        checked={monitoring}
        onChange={(checked) => onChange({ monitoring: checked })}
      />
    </Section>
  );
};
