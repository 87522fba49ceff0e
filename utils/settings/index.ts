export * from './server-url';
export * from './settings-schema';
