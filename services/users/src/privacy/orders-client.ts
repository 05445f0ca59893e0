import { callEndpoint, HttpClient, type ServiceDeps } from '@emporium/kit';
import { customerOrders, type CustomerOrder } from '@emporium/contracts';

/** The orders service's internal endpoint for one customer's orders (contract in packages/contracts). */
export class CustomerOrdersClient {
  private readonly client: HttpClient;

  constructor(deps: Pick<ServiceDeps, 'services' | 'tokens'>, timeoutMs: number) {
    this.client = new HttpClient({ target: 'orders', baseUrl: () => deps.services.url('orders'), timeoutMs, tokens: deps.tokens });
  }

  async ordersOf(userId: string, requestId: string): Promise<CustomerOrder[]> {
    return (await callEndpoint(this.client, customerOrders, { params: { userId } }, { requestId })).items;
  }

  shutdown(): void {
    this.client.shutdown();
  }
}
