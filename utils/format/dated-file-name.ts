const pad = (value: number) => String(value).padStart(2, '0');

/** `expired-tokens-2026-11-25.csv`: the local date, as the operator reads it off their calendar. */
export const datedFileName = (stem: string, extension: string, date: Date): string =>
  `${stem}-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.${extension}`;
