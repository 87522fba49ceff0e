// Strings heard rather than seen: what screen readers are told of news, and the hint that names a page's
// keyboard shortcut. Keys start with `a11y` so they cannot collide with other areas in the catalog.
export const en = {
  a11yNewExpiredOne: '1 new expired token',
  a11yNewExpiredMany: '{count} new expired tokens',
  a11ySearchShortcutHint: 'Press / to search',
} as const;

export const zh_CN: Record<keyof typeof en, string> = {
  a11yNewExpiredOne: '1 个新的 Token 过期',
  a11yNewExpiredMany: '{count} 个新的 Token 过期',
  a11ySearchShortcutHint: '按 / 键搜索',
};
