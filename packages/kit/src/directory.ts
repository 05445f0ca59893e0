import { defaultPortsOf } from '@emporium/contracts';

/** Every service's default port, from the service manifests: its own default and where others find it on one machine. */
export const defaultPorts: Record<string, number> = defaultPortsOf();

/**
 * Where the instances of each service are. Sources, first match wins: addresses registered at
 * run time (the supervisor, tests), `SERVICE_URLS` (`name=url,name=url`), `<NAME>_URL`
 * (comma-separated for several instances), then the default port on loopback.
 */
export class ServiceDirectory {
  private readonly registered = new Map<string, string[]>();

  constructor(private readonly env: Record<string, string | undefined> = {}) {}

  register(name: string, url: string): void {
    this.registered.set(name, [...(this.registered.get(name) ?? []).filter((u) => u !== url), url]);
  }

  urls(name: string): string[] {
    const registered = this.registered.get(name);
    if (registered?.length) return registered;
    const fromList = (this.env.SERVICE_URLS ?? '')
      .split(',')
      .map((pair) => pair.trim().split('='))
      .filter(([n, u]) => n === name && u)
      .map(([, u]) => u!);
    if (fromList.length) return fromList;
    const own = this.env[`${name.toUpperCase()}_URL`];
    if (own) return own.split(',').map((u) => u.trim()).filter(Boolean);
    const port = defaultPorts[name];
    return port ? [`http://127.0.0.1:${port}`] : [];
  }

  url(name: string): string {
    const [first] = this.urls(name);
    if (!first) throw new Error(`No address known for service "${name}"`);
    return first;
  }
}
