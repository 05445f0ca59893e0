export * from './platform.ts';
export * from './http.ts';
export * from './identity.ts';
export * from './eventually.ts';
export * from './problem.ts';
export * from './clock.ts';
export * from './cards.ts';
