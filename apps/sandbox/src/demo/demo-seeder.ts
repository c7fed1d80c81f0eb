import type { DemoData } from './demo-data';

export type Post = (path: string, body: unknown) => Promise<{ status: number; body: unknown }>;

/**
 * Opens the demo enterprises' holding accounts in their province's registry. Every command has a
 * fixed id, so starting the sandbox again on the same data directory changes nothing.
 */
export async function seedDemo(demo: DemoData, post: Post): Promise<void> {
  for (const enterprise of demo.enterprises) {
    const opened = await post(`/registries/${enterprise.jurisdiction}/accounts`, {
      actor: 'system:demo',
      commandId: `demo-open-${enterprise.id}`,
      accountId: enterprise.id,
      accountType: 'ENTERPRISE_HOLDING',
    });
    if (opened.status >= 300)
      throw new Error(
        `demo: opening ${enterprise.id} answered ${opened.status} ${JSON.stringify(opened.body)}`,
      );
  }
}

/** A `Post` against a running service's base URL. */
export function httpPost(baseUrl: string): Post {
  return async (path, body) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}
