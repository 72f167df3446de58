import { inject } from '@angular/core';
import { type CanActivateChildFn, type CanActivateFn, Router } from '@angular/router';

import { AuthStore } from '../auth/auth-store';
import {
  forcedStepPath,
  loginPath,
  passwordChangePath,
  staffHomePath,
} from '../auth/session-stage';
import { type Role } from '../graphql/generated/graphql';

/** Where a voluntary password change lives once the forced one is done. */
export const myAccountPath = '/staf/akun';

/**
 * Every staff page needs a session, and a session with a forced step due (new password, TOTP
 * enrolment) reaches that step's page and nothing else. The server enforces the same rule on
 * every operation; this guard only keeps the console from showing pages that would fail.
 */
export const staffSessionGuard: CanActivateChildFn = async (_route, state) => {
  const auth = inject(AuthStore);
  const router = inject(Router);

  const viewer = await auth.ensureLoaded();
  const url = state.url.split(/[?#]/)[0] ?? state.url;

  if (!viewer) {
    auth.rememberReturnUrl(state.url);
    return router.parseUrl(loginPath);
  }
  const forcedPath = forcedStepPath(viewer.stage);
  if (forcedPath !== null) {
    return url === forcedPath ? true : router.parseUrl(forcedPath);
  }
  // The forced-change page has nothing to do for an active session: "Akun saya" has the form.
  if (url === passwordChangePath) {
    return router.parseUrl(myAccountPath);
  }

  return true;
};

/** Opens a page only to the given roles; anyone else signed in lands on the staff home. */
export function roleGuard(roles: readonly Role[]): CanActivateFn {
  return async () => {
    const auth = inject(AuthStore);
    const router = inject(Router);

    const viewer = await auth.ensureLoaded();

    if (!viewer) {
      return router.parseUrl(loginPath);
    }

    return roles.includes(viewer.account.role) ? true : router.parseUrl(staffHomePath);
  };
}
