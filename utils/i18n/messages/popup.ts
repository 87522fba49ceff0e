// Strings of the popup page.
export const en = {} as const;

export const zh_CN: Record<keyof typeof en, string> = {};
