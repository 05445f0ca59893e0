export * from './platform.ts';
export * from './http.ts';
