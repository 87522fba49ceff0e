export * from './expired-query';
export * from './to-csv';
export * from './newest-users';
