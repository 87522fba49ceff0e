// Strings shared by the worker (badge tooltip) and the pages: the product name and connection states.
export const en = {
  extName: 'Token Monitor Notifier',
  connectionOff: 'Monitoring is off',
  connectionConnecting: 'Connecting to {url}…',
  connectionOpen: 'Connected to {url}',
  connectionWaiting: 'Not connected: {problem}. Retrying in {seconds} s',
  problemRefused: 'cannot reach {url}',
  problemClosed: 'the server closed the connection (code {code})',
  problemClosedNoCode: 'the server closed the connection',
  problemTimeout: 'the server did not answer within {seconds} s',
  problemSilent: 'the server went silent for {seconds} s',
  badgeExpired: '{count} expired tokens',
  badgeNone: 'No expired tokens',
} as const;

export const zh_CN: Record<keyof typeof en, string> = {
  extName: 'Token 监控提醒',
  connectionOff: '监控已关闭',
  connectionConnecting: '正在连接 {url}…',
  connectionOpen: '已连接 {url}',
  connectionWaiting: '未连接：{problem}。{seconds} 秒后重试',
  problemRefused: '无法连接 {url}',
  problemClosed: '服务器关闭了连接（代码 {code}）',
  problemClosedNoCode: '服务器关闭了连接',
  problemTimeout: '服务器 {seconds} 秒内无响应',
  problemSilent: '服务器已 {seconds} 秒无任何消息',
  badgeExpired: '{count} 个 Token 已过期',
  badgeNone: '没有过期的 Token',
};
