export * from './backoff';
export * from './connection';
export * from './connection-status';
export * from './connection-timing';
export * from './socket';
