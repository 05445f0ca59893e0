import { HttpClient, HttpProblem, type ServiceDeps } from '@emporium/kit';
import { customerOrdersPath, customerOrdersSchema, type CustomerOrder } from '@emporium/contracts';

/** The orders service's internal endpoint for one customer's orders (contract in packages/contracts). */
export class CustomerOrdersClient {
  private readonly client: HttpClient;

  constructor(deps: Pick<ServiceDeps, 'services' | 'tokens'>, timeoutMs: number) {
    this.client = new HttpClient({ target: 'orders', baseUrl: () => deps.services.url('orders'), timeoutMs, tokens: deps.tokens });
  }

  async ordersOf(userId: string, requestId: string): Promise<CustomerOrder[]> {
    const parsed = customerOrdersSchema.safeParse(await this.client.json({ path: customerOrdersPath(userId), requestId }));
    if (!parsed.success) throw new HttpProblem(502, 'orders answered in an unexpected shape');
    return parsed.data.items;
  }

  shutdown(): void {
    this.client.shutdown();
  }
}
