import type { ComponentChildren } from 'preact';
import './Stat.css';

export interface StatProps {
  label: string;
  children: ComponentChildren;
  tone?: 'normal' | 'alert';
}

/** One labelled figure of a `<dl>`: the label reads before the value for screen readers too. */
export const Stat = ({ label, children, tone = 'normal' }: StatProps) => (
  <div class={`stat stat--${tone}`}>
    <dt class="stat__label">{label}</dt>
    <dd class="stat__value">{children}</dd>
  </div>
);
