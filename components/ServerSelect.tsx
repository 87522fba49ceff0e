import type { MessageKey } from '../utils/i18n';
import { useI18n } from './i18n-context';
import { LabelledSelect } from './LabelledSelect';

export interface ServerSelectProps {
  label: MessageKey;
  servers: readonly { id: string; label: string }[];
  /** The server picked; null for every server (offered only with allLabel). */
  value: string | null;
  onChange: (server: string | null) => void;
  /** The words of a first choice that stands for every server; without it one server is always picked. */
  allLabel?: MessageKey;
}

// A server id is never empty (serverEntrySchema), so the empty value can stand for every server.
const ALL = '';

/** A labelled drop-down of the watched servers, by the names the options give them. */
export const ServerSelect = ({ label, servers, value, onChange, allLabel }: ServerSelectProps) => {
  const { t } = useI18n();
  const every = allLabel ? [[ALL, t(allLabel)] as const] : [];
  return (
    <LabelledSelect
      label={t(label)}
      options={[...every, ...servers.map((server) => [server.id, server.label] as const)]}
      value={value ?? ALL}
      onChange={(picked) => onChange(picked === ALL ? null : picked)}
    />
  );
};
