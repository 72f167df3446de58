import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import {
  ChangeDetectionStrategy,
  Component,
  type EnvironmentProviders,
  type Provider,
  type Type,
} from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import {
  APOLLO_TESTING_CACHE,
  ApolloTestingController,
  ApolloTestingModule,
} from 'apollo-angular/testing';

import { createGraphqlCache } from '../../graphql/graphql-client';
import { ALTCHA_LOADER } from './proof-of-work-widget';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class BlankPage {}

/**
 * What every public page spec runs on: the console's own cache over a fake API, links that lead
 * to a blank page, no animations, and an ALTCHA widget whose code (and workers) is never loaded.
 */
export function publicPageProviders(): (Provider | EnvironmentProviders)[] {
  return [
    provideRouter([{ path: '**', component: BlankPage }]),
    { provide: APOLLO_TESTING_CACHE, useFactory: createGraphqlCache },
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    { provide: ALTCHA_LOADER, useValue: () => Promise.resolve() },
  ];
}

/** A public page under test, with its fake API; the page's own first requests are not yet answered. */
export interface PublicPageUnderTest<T> {
  readonly fixture: ComponentFixture<T>;
  readonly loader: HarnessLoader;
  readonly backend: ApolloTestingController;
}

/** Creates the page on the shared providers; the spec answers the requests it makes on opening. */
export function createPublicPage<T>(page: Type<T>): PublicPageUnderTest<T> {
  TestBed.configureTestingModule({
    imports: [ApolloTestingModule, page],
    providers: publicPageProviders(),
  });
  const backend = TestBed.inject(ApolloTestingController);
  const fixture = TestBed.createComponent(page);

  return { fixture, loader: TestbedHarnessEnvironment.loader(fixture), backend };
}

/** Lets answers the fake API was just given reach the page, and the page render them. */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

/** The text of every element the selector finds under `root`, white space collapsed. */
export function textsOf(root: HTMLElement, selector: string): string[] {
  return Array.from(root.querySelectorAll(selector), (element) =>
    (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}
