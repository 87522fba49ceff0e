export * from './canonical-expired-users';
export * from './client-messages';
export * from './expired-user';
export * from './parse-server-message';
export * from './server-messages';
