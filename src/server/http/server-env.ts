// The hono context of a Verity request: the Node request and response it came with
// (@hono/node-server's bindings) and who made it (set by the access check).
import type { HttpBindings } from '@hono/node-server';
import type { Access } from '../authorize.js';

export interface ServerEnv {
  Bindings: HttpBindings;
  Variables: {
    /** null when the server has no access tokens or the path is not under /api/. */
    access: Access | null;
    /** Set by hono/secure-headers when a policy asks for a nonce (the page). */
    secureHeadersNonce?: string;
  };
}
