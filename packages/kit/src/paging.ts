import { z } from 'zod';

/** The one paging style of list routes: `?page=1&pageSize=20` in, `{ items, page, pageSize, total }` out. */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export type PageRequest = z.infer<typeof pageQuery>;

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  /** Every match, so a client can tell how many pages there are. */
  total: number;
}

/** Rows to skip for the requested page. */
export const pageOffset = (request: PageRequest): number => (request.page - 1) * request.pageSize;

export const pageOf = <T>(items: T[], total: number, request: PageRequest): Page<T> => ({ items, page: request.page, pageSize: request.pageSize, total });
