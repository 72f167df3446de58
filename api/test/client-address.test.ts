import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { clientAddressOf } from '../src/http/client-address.js';

// The Cek NIK lane runs before Express, so it computes the client address itself; it must be
// the address Express's `req.ip` gives for the same `trust proxy` hop count.
describe('the client address behind trusted proxies', () => {
  let url: string;
  let close: () => void;

  beforeAll(async () => {
    const app = express();
    app.get('/:hops', (request, response) => {
      const hops = Number(request.params['hops']);
      app.set('trust proxy', hops);
      response.json({ express: request.ip, ours: clientAddressOf(request, hops) });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => {
    close();
  });

  const headers = [
    undefined,
    '203.0.113.7',
    '198.51.100.1, 203.0.113.7',
    '10.0.0.1,198.51.100.1, 203.0.113.7',
    ' 198.51.100.1 ,, 203.0.113.7 ',
  ];

  for (const hops of [0, 1, 2, 3]) {
    for (const forwarded of headers) {
      it(`agrees with Express for ${hops} hops and X-Forwarded-For ${String(forwarded)}`, async () => {
        const response = await fetch(`${url}/${hops}`, {
          headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
        });
        const { express: expected, ours } = (await response.json()) as Record<string, string>;

        expect(ours).toBe(expected);
      });
    }
  }
});
