import type { Translate } from '../../utils/i18n';
import type { Settings } from '../../utils/settings';
import type { ConnectionTestState } from './connection-test-state';
import { Section } from './Section';
import { ServerUrlForm } from './ServerUrlForm';
import { SwitchField } from './SwitchField';

export interface ServerSectionProps {
  serverUrl: string;
  monitoring: boolean;
  test: ConnectionTestState;
  testTimeoutMs: number;
  t: Translate;
  onChange: (change: Partial<Settings>) => void;
  onTest: (url: string) => void;
}

export const ServerSection = ({
  serverUrl,
  monitoring,
  test,
  testTimeoutMs,
  t,
  onChange,
  onTest,
}: ServerSectionProps) => (
  <Section id="server" title={t('optServerTitle')}>
    <ServerUrlForm
      savedUrl={serverUrl}
      test={test}
      testTimeoutMs={testTimeoutMs}
      t={t}
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
