export * from './envelope.ts';
export * from './money.ts';
export * from './events.ts';
export * from './auth.ts';
export * from './permissions.ts';
