// Starts the HTTP server on a host and port and resolves with the address it listens on.
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../resources/load.js';
import type { Storage } from '../store/types.js';
import { createApp } from './app.js';

export const DEFAULT_WEB_ROOT = join(PACKAGE_ROOT, 'web', 'dist');

export interface Running {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function startServer(store: Storage, opts: { port?: number; host?: string; webRoot?: string } = {}): Promise<Running> {
  const app = createApp(store, { webRoot: opts.webRoot ?? DEFAULT_WEB_ROOT });
  const host = opts.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: opts.port ?? 7300, hostname: host }, (info: AddressInfo) => {
      const h = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${h}:${info.port}`,
        port: info.port,
        close: () => new Promise((r) => {
          (server as Server).closeAllConnections?.();
          server.close(() => r());
        }),
      });
    });
    server.once('error', reject);
  });
}
