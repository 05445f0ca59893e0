import type { Db, OutboxRelay, UnitOfWork } from '@emporium/kit';
import type { OrdersConfig } from './config.ts';
import type { SagaRunner } from './saga/runner.ts';
import type { Upstream } from './saga/upstream.ts';

/** What the routes and actions share, built once in buildApp. */
export interface OrdersContext {
  db: Db;
  relay: OutboxRelay;
  unitOfWork: UnitOfWork;
  upstream: Upstream;
  runner: SagaRunner;
  config: OrdersConfig;
}
