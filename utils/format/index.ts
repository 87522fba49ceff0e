export * from './csv';
export * from './dated-file-name';
export * from './format-number';
export * from './format-relative-time';
export * from './format-time';
export * from './parse-server-time';
