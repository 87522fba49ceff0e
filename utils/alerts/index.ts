export * from './alert-batch';
export * from './alert-journal';
export * from './alert-policy';
export * from './alert-text';
export * from './alert-window';
export * from './mask-phone';
export * from './mute';
export * from './quiet-hours';
