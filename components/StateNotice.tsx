import { Button } from './Button';
import { Icon, type IconName } from './Icon';
import './StateNotice.css';
import './pulse.css';

export interface StateNoticeAction {
  label: string;
  onClick: () => void;
  primary?: boolean;
}

export interface StateNoticeProps {
  tone: 'neutral' | 'success' | 'warning' | 'error';
  icon: IconName;
  title: string;
  body?: string;
  /** What the user can do about it: every error state offers at least one way out. */
  actions?: StateNoticeAction[];
  /** Something is under way (starting, connecting): the icon pulses. */
  busy?: boolean;
}

/** An empty or error state that says what happened and what to do next. */
export const StateNotice = ({ tone, icon, title, body, actions = [], busy = false }: StateNoticeProps) => (
  <div class={`notice notice--${tone}`} role="status">
    <span class={`notice__icon${busy ? ' pulse' : ''}`} aria-hidden="true">
      <Icon name={icon} size={20} />
    </span>
    <p class="notice__title">{title}</p>
    {body && <p class="notice__body">{body}</p>}
    {actions.length > 0 && (
      <div class="notice__actions">
        {actions.map((action) => (
          <Button
            key={action.label}
            variant={action.primary ? 'primary' : 'secondary'}
            size="small"
            onClick={action.onClick}
          >
            {action.label}
          </Button>
        ))}
      </div>
    )}
  </div>
);
