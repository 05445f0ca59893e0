import { z } from 'zod';
import type { Db } from '@emporium/kit';
import type { Dispatcher } from '../delivery/dispatcher.ts';

/** What the route modules need from the app. */
export interface RouteContext {
  db: Db;
  dispatcher: Dispatcher;
}

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
