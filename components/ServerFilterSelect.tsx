import { ServerSelect } from './ServerSelect';

export interface ServerFilterSelectProps {
  servers: readonly { id: string; label: string }[];
  /** The server whose users the list shows; null for every server's. */
  value: string | null;
  onChange: (server: string | null) => void;
}

/** Every server's expired users, or one server's: the list's server filter. */
export const ServerFilterSelect = ({ servers, value, onChange }: ServerFilterSelectProps) => (
  <ServerSelect
    label="serverFilterLabel"
    servers={servers}
    value={value}
    onChange={onChange}
    allLabel="serverFilterAll"
  />
);
