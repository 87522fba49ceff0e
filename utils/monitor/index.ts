export * from './effects';
export * from './monitor-state';
export * from './monitor-view';
export * from './reduce';
