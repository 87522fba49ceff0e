import './Icon.css';

// Simple 24×24 stroke drawings, inline so they follow the text colour and need no request.
const PATHS = {
  copy: [
    'M9 9h10a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H11a2 2 0 0 1-2-2z',
    'M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1',
  ],
  eye: ['M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z', 'M12 9a3 3 0 1 1 0 6 3 3 0 0 1 0-6z'],
  'eye-off': ['M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z', 'M12 9a3 3 0 1 1 0 6 3 3 0 0 1 0-6z', 'M3 3l18 18'],
  bell: ['M6 9a6 6 0 0 1 12 0c0 6 3 8 3 8H3s3-2 3-8', 'M10.3 21a1.9 1.9 0 0 0 3.4 0'],
  'bell-off': ['M6 9a6 6 0 0 1 12 0c0 6 3 8 3 8H3s3-2 3-8', 'M10.3 21a1.9 1.9 0 0 0 3.4 0', 'M3 3l18 18'],
  dashboard: ['M3 3h7v9H3z', 'M14 3h7v5h-7z', 'M14 12h7v9h-7z', 'M3 16h7v5H3z'],
  settings: ['M4 6h9', 'M19 6h1', 'M4 12h3', 'M13 12h7', 'M4 18h11', 'M16 4v4', 'M10 10v4', 'M18 16v4'],
  refresh: ['M20 12a8 8 0 1 1-2.3-5.7L20 8.6', 'M20 3v5.6h-5.6'],
  search: ['M11 4a7 7 0 1 1 0 14 7 7 0 0 1 0-14z', 'M20 20l-4-4'],
  download: ['M12 3v12', 'M7 10l5 5 5-5', 'M5 21h14'],
  close: ['M6 6l12 12', 'M18 6L6 18'],
  check: ['M5 12.5l4.5 4.5L19 7'],
  alert: ['M12 3l9.5 17h-19z', 'M12 10v4', 'M12 17.5v.5'],
  power: ['M12 3v9', 'M17.7 6.3a8 8 0 1 1-11.4 0'],
  clock: ['M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18z', 'M12 7v5l3 2'],
} as const;

export type IconName = keyof typeof PATHS;

export interface IconProps {
  name: IconName;
  /** Pixels; defaults to the text size. */
  size?: number;
}

/** A decorative icon: the button or text beside it carries the meaning, so it is hidden from screen readers. */
export const Icon = ({ name, size }: IconProps) => (
  <svg
    class="icon"
    viewBox="0 0 24 24"
    width={size ?? '1em'}
    height={size ?? '1em'}
    aria-hidden="true"
    focusable="false"
  >
    {PATHS[name].map((d) => (
      <path key={d} d={d} />
    ))}
  </svg>
);
