/**
 * Test and seed factories (architecture.md): `buildX` returns plain data, `createX(db, ...)`
 * inserts. Every `createX` takes the Prisma client or a transaction client first.
 */
export * from './db';
export * from './organisation';
export * from './patient';
export * from './order';
export * from './care';
export * from './tribunal';
export * from './fixture';
