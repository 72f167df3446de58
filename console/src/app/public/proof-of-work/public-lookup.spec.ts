import { type WritableSignal, computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup } from '@angular/forms';
import { type TypedDocumentNode } from '@apollo/client';
import { GraphQLError, parse } from 'graphql';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { type Mock } from 'vitest';

import { required } from '../../forms/required';
import { type PublicServiceSettingsQuery } from '../../graphql/generated/graphql';
import { type PublicLookup, publicLookup } from './public-lookup';
import { publicPageProviders } from './public-page.fixture';
import { publicSettingsFixture } from './public-settings.fixture';

interface EchoQuery {
  readonly echo: string;
}

interface EchoVariables {
  readonly text: string;
  readonly proofOfWork: string | null;
}

/** A stand-in lookup: the page's query is not what is under test here. */
const echoDocument: TypedDocumentNode<EchoQuery, EchoVariables> = parse(
  'query Echo($text: String!, $proofOfWork: String) { echo(text: $text, proofOfWork: $proofOfWork) }',
);

const solution = 'c29sdXNp';

/** The API's refusal of an input, with the issue of each field it names. */
function badInput(...issues: { field: string; message: string }[]): GraphQLError {
  return new GraphQLError('Isian tidak valid', {
    extensions: {
      code: 'BAD_USER_INPUT',
      issues: issues.map((issue) => ({ ...issue, code: 'INVALID' })),
    },
  });
}

describe('publicLookup', () => {
  let backend: ApolloTestingController;
  let form: FormGroup<{ text: FormControl<string> }>;
  let payload: WritableSignal<string | null>;
  let reset: Mock<() => void>;
  let isWidgetRendered: WritableSignal<boolean>;
  let lookup: PublicLookup<string>;

  async function open(
    settings: PublicServiceSettingsQuery = publicSettingsFixture(),
  ): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: publicPageProviders(),
    });
    backend = TestBed.inject(ApolloTestingController);
    form = new FormGroup({
      text: new FormControl('halo', { nonNullable: true, validators: required }),
    });
    payload = signal<string | null>(null);
    reset = vi.fn<() => void>();
    isWidgetRendered = signal(false);
    const widget = { payload, reset };
    lookup = TestBed.runInInjectionContext(() =>
      publicLookup({
        form,
        // The widget as a page's viewChild sees it: there only while the page renders it.
        proofOfWork: computed(() => (isWidgetRendered() ? widget : undefined)),
        query: echoDocument,
        variables: (proofOfWork) => ({ text: form.controls.text.value, proofOfWork }),
        answer: (data) => data.echo.toUpperCase(),
      }),
    );
    backend.expectOne('PublicServiceSettings').flushData(settings);
    await settle();
  }

  afterEach(() => {
    backend.verify();
  });

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
  }

  /** Answers the one lookup on its way with `echo`. */
  async function answer(echo: string): Promise<void> {
    backend.expectOne('Echo').flushData({ echo });
    await settle();
  }

  /** Refuses the one lookup on its way with the API's error. */
  async function refuse(error: GraphQLError): Promise<void> {
    backend.expectOne('Echo').graphqlErrors([error]);
    await settle();
  }

  function outcome(): unknown {
    return {
      isChecking: lookup.isChecking(),
      answer: lookup.answer(),
      failure: lookup.failure(),
    };
  }

  it("sends the form's variables and shows the part of the answer the page picked", async () => {
    await open();

    lookup.send();
    const request = backend.expectOne('Echo');
    expect(request.operation.variables).toEqual({ text: 'halo', proofOfWork: null });
    expect(outcome()).toEqual({ isChecking: true, answer: null, failure: null });
    request.flushData({ echo: 'halo' });
    await settle();

    expect(outcome()).toEqual({ isChecking: false, answer: 'HALO', failure: null });
  });

  it('asks the server again for the same lookup instead of answering from a cache', async () => {
    await open();

    lookup.send();
    await answer('halo');
    lookup.send();
    await answer('lagi');

    expect(lookup.answer()).toBe('LAGI');
  });

  it('sends one lookup at a time', async () => {
    await open();

    lookup.send();
    // Other variables, so that Apollo could not fold a second request into the first.
    form.controls.text.setValue('lagi');
    lookup.send();

    await answer('halo');
    expect(lookup.answer()).toBe('HALO');
  });

  it('touches every field and sends nothing while the form is invalid', async () => {
    await open();
    form.controls.text.setValue('');

    lookup.send();

    backend.expectNone('Echo');
    expect(form.controls.text.touched).toBe(true);
    expect(outcome()).toEqual({ isChecking: false, answer: null, failure: null });
  });

  it('sends nothing while a required proof of work is not solved, and says why', async () => {
    await open(publicSettingsFixture({ isProofOfWorkRequired: true }));
    isWidgetRendered.set(true);

    lookup.send();

    backend.expectNone('Echo');
    expect(lookup.failure()).toEqual({
      code: null,
      text: 'Centang “Saya bukan robot” dan tunggu sampai terverifikasi, lalu kirim lagi.',
    });
  });

  it('sends the solved proof of work and unticks the widget after the answer', async () => {
    await open(publicSettingsFixture({ isProofOfWorkRequired: true }));
    expect(lookup.isProofOfWorkShown()).toBe(true);
    isWidgetRendered.set(true);
    payload.set(solution);

    lookup.send();
    const request = backend.expectOne('Echo');
    expect(request.operation.variables).toEqual({ text: 'halo', proofOfWork: solution });
    request.flushData({ echo: 'halo' });
    await settle();

    expect(reset).toHaveBeenCalledTimes(1);
  });

  it('shows the widget once the server asks for a proof of work the settings did not announce', async () => {
    await open();
    expect(lookup.isProofOfWorkShown()).toBe(false);

    lookup.send();
    await refuse(
      new GraphQLError('Verifikasi anti-robot diperlukan', {
        extensions: { code: 'PROOF_OF_WORK_FAILED', reason: 'MISSING' },
      }),
    );

    expect(lookup.isProofOfWorkShown()).toBe(true);
    expect(lookup.failure()).toEqual({
      code: 'PROOF_OF_WORK_FAILED',
      text:
        'Verifikasi anti-robot belum selesai atau sudah tidak berlaku. Centang kembali ' +
        '“Saya bukan robot”, tunggu tanda terverifikasi, lalu kirim lagi.',
    });
  });

  it('unticks the widget after a refusal too, since the server spent the solution', async () => {
    await open(publicSettingsFixture({ isProofOfWorkRequired: true }));
    isWidgetRendered.set(true);
    payload.set(solution);

    lookup.send();
    await refuse(
      new GraphQLError('Terlalu banyak permintaan', { extensions: { code: 'RATE_LIMITED' } }),
    );

    expect(reset).toHaveBeenCalledTimes(1);
  });

  it("puts the server's input issues under the fields they name, with no alert", async () => {
    await open();

    lookup.send();
    await refuse(
      badInput(
        { field: 'text', message: 'Teks ini tidak diterima' },
        { field: 'elsewhere', message: 'Isian lain tidak diterima' },
      ),
    );

    expect(form.controls.text.errors).toEqual({ server: 'Teks ini tidak diterima' });
    expect(outcome()).toEqual({ isChecking: false, answer: null, failure: null });
  });

  it('shows the message of input issues when none names a field of the form', async () => {
    await open();

    lookup.send();
    await refuse(badInput({ field: 'elsewhere', message: 'Isian lain tidak diterima' }));

    expect(form.controls.text.errors).toBeNull();
    expect(lookup.failure()).toEqual({ code: 'BAD_USER_INPUT', text: 'Isian tidak valid' });
  });

  it('keeps the code of a refusal next to its sentence, for the advice a page adds', async () => {
    await open();

    // A refusal replaces the answer shown before it.
    lookup.send();
    await answer('halo');
    lookup.send();
    await refuse(
      new GraphQLError('Pendaftaran tidak ditemukan', { extensions: { code: 'NOT_FOUND' } }),
    );

    expect(outcome()).toEqual({
      isChecking: false,
      answer: null,
      failure: { code: 'NOT_FOUND', text: 'Pendaftaran tidak ditemukan' },
    });
  });

  it('says the server could not be reached when no answer came back', async () => {
    await open();

    lookup.send();
    backend.expectOne('Echo').networkError(new Error('connection refused'));
    await settle();

    expect(lookup.failure()).toEqual({
      code: 'NETWORK',
      text: 'Server Kaliber tidak dapat dihubungi. Periksa sambungan internet Anda, lalu coba lagi.',
    });
  });

  it('needs an injection context, so that the request ends with its page', () => {
    TestBed.configureTestingModule({ imports: [ApolloTestingModule] });
    backend = TestBed.inject(ApolloTestingController);

    expect(() =>
      publicLookup({
        form: new FormGroup({}),
        proofOfWork: signal(undefined),
        query: echoDocument,
        variables: (proofOfWork) => ({ text: '', proofOfWork }),
        answer: (data) => data.echo,
      }),
    ).toThrow(/NG0203/);
  });
});
