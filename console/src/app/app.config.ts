import { registerLocaleData } from '@angular/common';
import { provideHttpClient, withFetch } from '@angular/common/http';
import localeId from '@angular/common/locales/id';
import {
  type ApplicationConfig,
  LOCALE_ID,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { provideRouter, TitleStrategy, withInMemoryScrolling } from '@angular/router';

import { routes } from './app.routes';
import { provideGraphqlClient } from './graphql/graphql-client';
import { PageTitleStrategy } from './page-title-strategy';

// Dates and numbers follow Indonesian conventions (e.g. 2.400.000, 17 Agustus 2025).
registerLocaleData(localeId);

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes, withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
    { provide: TitleStrategy, useClass: PageTitleStrategy },
    { provide: LOCALE_ID, useValue: 'id-ID' },
    provideHttpClient(withFetch()),
    provideGraphqlClient(),
  ],
};
