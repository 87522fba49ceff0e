export * from './expired-query';
export * from './to-csv';
