export * from './expired-query';
export * from './newest-users';
export * from './to-csv';
