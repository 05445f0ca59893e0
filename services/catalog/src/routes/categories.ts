import { badRequest, requirePermission, type ServiceApp, type ServiceDeps } from '@emporium/kit';
import { allCategories, insertCategory } from '../db/categories.ts';
import type { CategoryRow } from '../db/schema.ts';
import { buildCategoryTree, slugify } from '../domain/categories.ts';
import { createCategoryBody } from './schemas.ts';

const categoryView = (c: CategoryRow) => ({ id: c.id, name: c.name, slug: c.slug, parentId: c.parentId });

export function registerCategoryRoutes(app: ServiceApp, deps: ServiceDeps): void {
  app.get('/catalog/categories', async () => ({ items: buildCategoryTree((await allCategories(deps.db)).map(categoryView)) }));

  app.post('/catalog/categories', { onRequest: requirePermission('catalog:write'), schema: { body: createCategoryBody } }, async (request, reply) => {
    const slug = request.body.slug ?? slugify(request.body.name);
    if (!slug) throw badRequest('body.slug: cannot derive a slug from the name; give one', { field: 'body.slug' });
    const category = await deps.db.transaction((tx) => insertCategory(tx, { name: request.body.name, slug, parentId: request.body.parentId }));
    return reply.code(201).send(categoryView(category));
  });
}
