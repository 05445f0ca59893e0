import { needs, reads, type ServiceManifest } from './manifest.ts';

/** Services of the design with no code yet: the gateway reserves their paths (503) and rules. */
const planned = (name: string, port: number, summary: string, access: ServiceManifest['access']): ServiceManifest => ({
  name,
  port,
  summary,
  status: 'planned',
  calls: [],
  publishes: [],
  consumes: [],
  access,
});

export const plannedManifests: readonly ServiceManifest[] = [
  planned('returns', 8007, 'return and exchange requests (RMA)', [{ methods: '*', path: '/returns/**', access: 'authenticated' }]),
  planned('analytics', 8009, 'read models fed by events: reports, funnel, KPIs', [{ methods: '*', path: '/analytics/**', access: needs('analytics:read') }]),
  planned('support', 8010, 'product reviews and ratings, customer tickets', [
    // reviews are public reading; tickets and writing need a user
    { methods: reads, path: '/support/reviews/**', access: 'public' },
    { methods: '*', path: '/support/**', access: 'authenticated' },
  ]),
  planned('crm', 8011, 'leads, pipeline stages, lead history', [{ methods: '*', path: '/crm/**', access: needs('crm:manage') }]),
  planned('finance', 8012, 'double-entry ledger, cash flow, reconciliation', [{ methods: '*', path: '/finance/**', access: needs('finance:read') }]),
];
