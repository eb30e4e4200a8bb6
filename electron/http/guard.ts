import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Browser mode listens on 127.0.0.1 only, but any web page the user opens could still try to
 * reach it. Three checks keep it private: the Host header must name our own address (defeats DNS
 * rebinding), an Origin, when sent, must be ours (defeats cross-site requests), and API calls
 * carry the random token printed at start-up (only the person at this PC has it).
 */
export interface Guard {
  hostAllowed(req: IncomingMessage): boolean;
  originAllowed(req: IncomingMessage): boolean;
  tokenValid(req: IncomingMessage): boolean;
}

export function createGuard(port: number, token: string): Guard {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origins = new Set([...hosts].map((h) => `http://${h}`));
  const expected = Buffer.from(token);
  return {
    hostAllowed: (req) => typeof req.headers.host === 'string' && hosts.has(req.headers.host.toLowerCase()),
    originAllowed: (req) => req.headers.origin === undefined || origins.has(req.headers.origin.toLowerCase()),
    tokenValid: (req) => {
      const given = req.headers['x-clinic-token'];
      if (typeof given !== 'string') return false;
      const bytes = Buffer.from(given);
      return bytes.length === expected.length && timingSafeEqual(bytes, expected);
    },
  };
}
