// Strings of the dashboard page.
export const en = {} as const;

export const zh_CN: Record<keyof typeof en, string> = {};
