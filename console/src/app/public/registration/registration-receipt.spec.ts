import { Clipboard } from '@angular/cdk/clipboard';
import { DOCUMENT } from '@angular/common';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { RegistrationReceiptCard } from './registration-receipt';

describe('RegistrationReceiptCard', () => {
  let fixture: ComponentFixture<RegistrationReceiptCard>;
  let copied: string[];
  let isCopyWorking: boolean;

  beforeEach(async () => {
    copied = [];
    isCopyWorking = true;
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule, RegistrationReceiptCard],
      providers: [
        provideRouter([]),
        {
          provide: Clipboard,
          useValue: {
            copy: (text: string) => {
              copied.push(text);
              return isCopyWorking;
            },
          },
        },
      ],
    });
    fixture = TestBed.createComponent(RegistrationReceiptCard);
    fixture.componentRef.setInput('receipt', {
      __typename: 'RegistrationReceipt',
      receiptCode: '0123456789P',
      stage: 'DIAJUKAN',
      submittedAt: '2026-12-03T06:30:00.000Z',
    });
    await fixture.whenStable();
    TestBed.inject(ApolloTestingController).expectOne('Deployment');
  });

  function host(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function button(label: string): HTMLButtonElement {
    const found = Array.from(host().querySelectorAll('button')).find(
      (candidate) => candidate.textContent?.trim() === label,
    );
    if (!found) {
      throw new Error(`No button ${label}`);
    }
    return found;
  }

  it('shows the code in three groups, large', () => {
    expect(host().querySelector('.receipt-code')?.textContent?.trim()).toBe('01234-56789-P');
  });

  it('copies the grouped code and says so', async () => {
    button('Salin kode').click();
    await fixture.whenStable();

    expect(copied).toEqual(['01234-56789-P']);
    expect(host().querySelector('[role="status"]')?.textContent?.trim()).toBe(
      'Kode tanda terima sudah disalin.',
    );
  });

  it('asks to write the code down when the browser refuses to copy', async () => {
    isCopyWorking = false;
    button('Salin kode').click();
    await fixture.whenStable();

    expect(host().querySelector('[role="status"]')?.textContent?.trim()).toBe(
      'Kode tidak dapat disalin otomatis; catat atau cetak kode di atas.',
    );
  });

  it('opens the print dialog, where the receipt alone is printed', () => {
    const window = TestBed.inject(DOCUMENT).defaultView as Window;
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);

    button('Simpan / cetak').click();

    expect(print).toHaveBeenCalledTimes(1);
  });

  it('links to tracking without putting the code in the address', () => {
    const link = host().querySelector<HTMLAnchorElement>('a');

    expect(link?.getAttribute('href')).toBe('/lacak');
  });
});
