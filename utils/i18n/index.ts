export * from './catalog';
export * from './locale';
