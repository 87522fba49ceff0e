import type { ComponentChildren } from 'preact';
import './Section.css';

export interface SectionProps {
  /** Also the id of the heading, which names the section for screen readers. */
  id: string;
  title: string;
  intro?: string;
  /** The settings, one per child: each gets the same spacing and a hairline from the one before. */
  children: ComponentChildren;
}

/** One card of the options page: a heading and the settings under it. */
export const Section = ({ id, title, intro, children }: SectionProps) => (
  <section class="settings-section" aria-labelledby={id}>
    <h2 id={id} class="settings-section__title">
      {title}
    </h2>
    {intro && <p class="settings-section__intro">{intro}</p>}
    <div class="settings-section__body">{children}</div>
  </section>
);
