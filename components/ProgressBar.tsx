import './ProgressBar.css';

export interface ProgressBarProps {
  /** null: nothing to measure yet (no round), announced as indeterminate. */
  value: number | null;
  max: number;
  /** What is measured, for screen readers: "Progress of round 4". */
  label: string;
  /** The value in words, for screen readers: "120 of 410 users checked (29.3%)". */
  valueText?: string;
  /** 0–100; defaults to value / max. The server sends its own percentage and the text shows that one. */
  percent?: number;
  tone?: 'running' | 'done';
}

export const ProgressBar = ({ value, max, label, valueText, percent, tone = 'running' }: ProgressBarProps) => {
  const measurable = value !== null && max > 0;
  const fraction = measurable ? Math.min(1, Math.max(0, (percent ?? (value / max) * 100) / 100)) : 0;
  return (
    <div
      class={`progress progress--${tone}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={measurable ? max : undefined}
      aria-valuenow={measurable ? value : undefined}
      aria-valuetext={measurable ? valueText : undefined}
    >
      {/* scaleX rather than width: the transition runs on the compositor and never relayouts the popup. */}
      <div class="progress__fill" style={{ transform: `scaleX(${fraction})` }} />
    </div>
  );
};
