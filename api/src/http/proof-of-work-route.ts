import { Router } from 'express';

import type { ProofOfWork } from '../public-access/proof-of-work.js';

/**
 * `GET /public/challenge`: a fresh ALTCHA challenge for the widget's `challenge` attribute.
 * `no-store`, because a challenge is good for one solution only and a cached one would hand
 * the same challenge to many clients, all but the first of whom would be refused as replays.
 */
export function proofOfWorkRouter(pow: ProofOfWork): Router {
  const router = Router();

  router.get('/public/challenge', async (_request, response) => {
    const challenge = await pow.createChallenge();

    response.set('Cache-Control', 'no-store').json(challenge);
  });

  return router;
}
