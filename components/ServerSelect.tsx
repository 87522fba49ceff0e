import { useId } from 'preact/hooks';
import type { MessageKey } from '../utils/i18n';
import { useI18n } from './i18n-context';
import { Select } from './Select';
import './ChoiceSelect.css';

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
  const id = useId();
  return (
    <div class="choice">
      <label class="choice__label" for={id}>
        {t(label)}
      </label>
      <Select
        id={id}
        value={value ?? ALL}
        onChange={(event) => {
          const picked = event.currentTarget.value;
          onChange(picked === ALL ? null : picked);
        }}
      >
        {allLabel && <option value={ALL}>{t(allLabel)}</option>}
        {servers.map((server) => (
          <option key={server.id} value={server.id}>
            {server.label}
          </option>
        ))}
      </Select>
    </div>
  );
};
