export * from './effects';
export * from './known-from-alert';
export * from './monitor-state';
export * from './monitor-view';
export * from './reduce';
export * from './stored-expired';
export * from './stored-list-parts';
