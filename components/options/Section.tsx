import type { ComponentChildren } from 'preact';

export interface SectionProps {
  /** Also the id of the heading, which names the section for screen readers. */
  id: string;
  title: string;
  intro?: string;
  children: ComponentChildren;
}

export const Section = ({ id, title, intro, children }: SectionProps) => (
  <section class="opt-section" aria-labelledby={id}>
    <h2 id={id} class="opt-section__title">
      {title}
    </h2>
    {intro && <p class="opt-section__intro">{intro}</p>}
    <div class="opt-section__body">{children}</div>
  </section>
);
