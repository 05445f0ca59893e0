/**
 * The API types of the web app come from the gateway's merged OpenAPI document: either a running
 * gateway's `/docs/openapi.json`, or one taken from every service started for the purpose.
 */
import openapiTS, { astToString } from 'openapi-typescript';
import { TestPlatform } from '@emporium/kit/testing';
import { platformServices } from '../../scripts/platform-services.ts';

export const schemaFile = new URL('../src/api/schema.d.ts', import.meta.url);

const header = '// Generated from the gateway\'s merged OpenAPI document by `npm run api-types -w web`. Do not edit.\n\n';

export async function fetchMergedDocument(gatewayUrl: string): Promise<unknown> {
  const res = await fetch(`${gatewayUrl}/docs/openapi.json`);
  if (!res.ok) throw new Error(`GET ${gatewayUrl}/docs/openapi.json answered ${res.status}`);
  return res.json();
}

/** Starts every service in embedded mode (temporary storage) just long enough to read the merged document. */
export async function mergedDocumentOfServices(): Promise<unknown> {
  // A generous docs timeout: a service slow to answer on a busy machine would be left out of the document.
  const platform = await TestPlatform.start(await platformServices(), { env: { gateway: { HEALTH_CHECK_TIMEOUT_MS: '20000' } } });
  try {
    return await fetchMergedDocument(platform.url('gateway'));
  } finally {
    await platform.stop();
  }
}

export async function renderTypes(document: unknown): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return header + astToString(ast);
}
