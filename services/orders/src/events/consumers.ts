import { handleOnce, type ServiceDeps } from '@emporium/kit';
import { parseEventData } from '@emporium/contracts';
import { anonymiseOrdersOf } from '../db/customer-orders.ts';

const CONSUMER = 'orders';

/** Events orders listens to: a customer's account deletion anonymises their orders (once per event). */
export async function subscribeToEvents(deps: ServiceDeps): Promise<void> {
  await deps.bus.subscribe(CONSUMER, ['user.anonymised'], async (event) => {
    const { userId } = parseEventData('user.anonymised', event.data);
    await handleOnce(deps.db, CONSUMER, event, async (tx) => {
      const count = await anonymiseOrdersOf(tx, userId);
      deps.logger.info({ userId, orders: count }, 'orders of a deleted account anonymised');
    });
  });
}
