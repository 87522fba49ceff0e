// Strings of the keyboard shortcuts section of the options page. Keys start with `shortcuts` so they cannot
// collide with other areas in the catalog. The manifest's command descriptions live in public/_locales:
// the browser shows those in its own shortcut settings, in its own language.
export const en = {
  shortcutsTitle: 'Keyboard shortcuts',
  shortcutsIntro: 'They work on any page of the browser, without opening the popup.',
  shortcutsOpenDashboard: 'Open the dashboard',
  shortcutsToggleMute: 'Mute for 1 hour, or unmute',
  shortcutsOpenPopup: 'Open the popup',
  shortcutsNotSet: 'Not set',
  shortcutsLoading: 'Loading shortcuts…',
  shortcutsNone: 'This browser lists no shortcuts for the extension.',
  shortcutsChangeLabel: 'Change the keys',
  shortcutsChangeHelp: 'Keys are set in the browser, which also settles clashes with other extensions.',
  shortcutsOpenSettings: 'Open shortcut settings',
  shortcutsManualFirefox:
    'This Firefox cannot open that page for you: go to about:addons, click ⚙ and choose “Manage Extension Shortcuts”.',
  shortcutsOpenFailed: 'Could not open the shortcut settings: {reason}',
} as const;

export const zh_CN: Record<keyof typeof en, string> = {
  shortcutsTitle: '键盘快捷键',
  shortcutsIntro: '在浏览器的任何页面都能使用，无需打开弹出窗口。',
  shortcutsOpenDashboard: '打开过期 Token 看板',
  shortcutsToggleMute: '静音 1 小时 / 取消静音',
  shortcutsOpenPopup: '打开弹出窗口',
  shortcutsNotSet: '未设置',
  shortcutsLoading: '正在读取快捷键…',
  shortcutsNone: '此浏览器没有列出本扩展的快捷键。',
  shortcutsChangeLabel: '修改按键',
  shortcutsChangeHelp: '快捷键在浏览器中设置，与其他扩展的冲突也由浏览器处理。',
  shortcutsOpenSettings: '打开快捷键设置',
  shortcutsManualFirefox: '此版本的 Firefox 无法直接打开该页面：请前往 about:addons，点击 ⚙，选择“管理扩展快捷键”。',
  shortcutsOpenFailed: '无法打开快捷键设置：{reason}',
};
