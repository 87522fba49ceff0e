export * from './effects';
export * from './monitor-state';
export * from './reduce';
