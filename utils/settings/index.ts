export * from './server-entry';
export * from './server-url';
export * from './settings-schema';
