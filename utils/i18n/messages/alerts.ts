// Notification and speech text. Speech says at most the last four digits of a phone.
export const en = {
  alertTitleOne: '1 token expired',
  alertTitle: '{count} tokens expired',
  alertSummaryTitle: '{count} tokens are already expired',
  alertReminderTitle: '{count} expired tokens remain',
  alertMore: '… and {count} more',
  alertButtonOpen: 'Open the list',
  alertButtonMute: 'Mute for 1 hour',
  speechFound: 'Found {count} users with expired tokens',
  speechFoundOne: 'Found 1 user with an expired token',
  speechRemind: '{count} expired tokens remain',
  speechPhones: 'phones ending {digits}',
  speechTest: 'This is how Token Monitor alerts will sound',
  listSeparator: ', ',
  clauseSeparator: ', ',
} as const;

export const zh_CN: Record<keyof typeof en, string> = {
  alertTitleOne: '1 个 Token 已过期',
  alertTitle: '{count} 个 Token 已过期',
  alertSummaryTitle: '已有 {count} 个 Token 过期',
  alertReminderTitle: '仍有 {count} 个 Token 过期',
  alertMore: '… 等 {count} 个',
  alertButtonOpen: '打开列表',
  alertButtonMute: '静音 1 小时',
  speechFound: '发现 {count} 个 Token 过期用户',
  speechFoundOne: '发现 1 个 Token 过期用户',
  speechRemind: '仍有 {count} 个 Token 过期',
  speechPhones: '尾号 {digits}',
  speechTest: '这是 Token 监控的语音提醒',
  listSeparator: '、',
  clauseSeparator: '，',
};
