import { type PublicServiceSettingsQuery } from '../../graphql/generated/graphql';

/** The public-service settings as the API answers them; defaults: no proof of work. */
export function publicSettingsFixture(
  overrides: Partial<PublicServiceSettingsQuery['publicServiceSettings']> = {},
): PublicServiceSettingsQuery {
  return {
    publicServiceSettings: {
      __typename: 'PublicServiceSettings',
      isProofOfWorkRequired: false,
      showsKelurahan: false,
      nikVisibleDigits: 10,
      pollingDate: null,
      ...overrides,
    },
  };
}

/** Makes the `<altcha-widget>` of the page report a solved (or, with null, an undone) puzzle. */
export function solveProofOfWork(host: HTMLElement, payload: string | null): void {
  const widget = host.querySelector('altcha-widget');
  if (!widget) {
    throw new Error('The page shows no proof-of-work widget');
  }
  widget.dispatchEvent(
    new CustomEvent('statechange', {
      detail:
        payload === null ? { state: 'unverified', payload: null } : { state: 'verified', payload },
    }),
  );
}
