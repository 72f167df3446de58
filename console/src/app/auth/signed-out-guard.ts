import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';

import { AuthStore } from './auth-store';
import { stageHomePath } from './session-stage';

/** The sign-in page is for people not signed in; a session goes on to where its stage says. */
export const signedOutGuard: CanActivateFn = async () => {
  const auth = inject(AuthStore);
  const router = inject(Router);

  const viewer = await auth.ensureLoaded();

  return viewer ? router.parseUrl(stageHomePath(viewer.stage)) : true;
};
