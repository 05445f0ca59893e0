import { idempotencyHeaders, idempotentRequestOf, idempotentTransaction, loadConfig, notFound, requirePermission, type ServiceApp, type ServiceDeps } from '@emporium/kit';
import { catalogConfigSchema } from '../config.ts';
import type { OfferCache } from '../db/offer-cache.ts';
import { allOffers, deleteOffer, insertOffer } from '../db/offers.ts';
import { isUuid } from '../domain/ids.ts';
import { isOfferActive, type Offer } from '../domain/pricing.ts';
import { createOfferBody, idParams } from './schemas.ts';

const offerView = (offer: Offer, now: Date) => ({
  ...offer,
  startsAt: offer.startsAt.toISOString(),
  endsAt: offer.endsAt.toISOString(),
  active: isOfferActive(offer, now),
});

export function registerOfferRoutes(app: ServiceApp, deps: ServiceDeps, offerCache: OfferCache): void {
  const config = loadConfig(catalogConfigSchema, deps.env);
  const staffOnly = requirePermission('catalog:write');

  app.get('/catalog/offers', async () => {
    const now = new Date();
    return { items: (await allOffers(deps.db)).map((o) => offerView(o, now)) };
  });

  app.post('/catalog/offers', { onRequest: staffOnly, schema: { body: createOfferBody, headers: idempotencyHeaders } }, async (request, reply) => {
    const { currency, ...terms } = request.body;
    const response = await idempotentTransaction(deps, idempotentRequestOf(request), async (tx) => {
      const offer = await insertOffer(tx, { ...terms, currency: terms.kind === 'fixed' ? (currency ?? config.DEFAULT_CURRENCY) : null });
      return { status: 201, body: offerView(offer, new Date()) };
    });
    offerCache.invalidate();
    return reply.code(response.status).send(response.body);
  });

  app.delete('/catalog/offers/:id', { onRequest: staffOnly, schema: { params: idParams } }, async (request, reply) => {
    const deleted = isUuid(request.params.id) && (await deleteOffer(deps.db, request.params.id));
    if (!deleted) throw notFound(`Offer ${request.params.id} not found`);
    offerCache.invalidate();
    return reply.code(204).send();
  });
}
