export * from './envelope.ts';
export * from './money.ts';
export * from './events.ts';
export * from './auth.ts';
export * from './customer-data.ts';
export * from './payments.ts';
export * from './cart.ts';
export * from './permissions.ts';
