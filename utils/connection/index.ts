export * from './backoff';
export * from './connection';
export * from './connection-status';
export * from './socket';
