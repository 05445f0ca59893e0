export * from './platform.ts';
export * from './http.ts';
export * from './identity.ts';
