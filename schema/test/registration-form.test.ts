// cspell:ignore nur'aini nur’aini aisyah

import { describe, expect, it } from 'vitest';

import {
  buildNik,
  checkRegistrationForm,
  createRegionCatalogue,
  JAKARTA_TIMUR_REGIONS,
  type RegistrationForm,
  type RegistrationFormInput,
} from '../src/index.js';

const catalogue = createRegionCatalogue(JAKARTA_TIMUR_REGIONS);
const context = { catalogue, referenceDate: '2025-06-30', pollingDate: '2029-02-14' };

// A woman born 12 May 2000 (NIK day 52), KK of kecamatan Matraman, address in Pisangan Baru.
const validForm: RegistrationForm = {
  nik: '3175015205000001',
  nkk: '3175010101200001',
  name: 'SITI AMINAH',
  birthPlace: 'Jakarta',
  birthDate: '2000-05-12',
  maritalStatus: 'B',
  sex: 'P',
  address: 'Jl. Pisangan Baru Timur No. 7',
  rt: '005',
  rw: '012',
  disability: 0,
  ktpElStatus: 'S',
  kelurahanCode: '31.75.01.1001',
  phone: null,
  email: null,
  consent: true,
  declaresEligibility: true,
};

function check(changes: Partial<RegistrationFormInput>) {
  return checkRegistrationForm({ ...validForm, ...changes }, context);
}

// A form for someone born on `birthDate` whose NIK agrees with it, so no warning interferes.
function bornOn(birthDate: string, maritalStatus = 'B') {
  const nik = buildNik({ districtCode: '317501', birthDate, sex: 'P', serial: 1 });

  return check({ nik, birthDate, maritalStatus });
}

it('accepts a complete form and returns it unchanged when already normalised', () => {
  expect(checkRegistrationForm(validForm, context)).toEqual({
    issues: [],
    warnings: [],
    normalized: validForm,
  });
});

it('normalises what people type: separators, case, spaces, short RT/RW, +62 and lower case', () => {
  const typed: RegistrationFormInput = {
    ...validForm,
    nik: '3175 0152 0500 0001',
    nkk: '3175-0101-0120-0001',
    name: '  siti   nur’aini  ',
    birthPlace: ' Jakarta   Timur ',
    birthDate: ' 2000-05-12 ',
    maritalStatus: 'b',
    sex: ' p ',
    address: 'Jl. Pisangan\nBaru  No. 7',
    rt: '5',
    rw: ' 12',
    disability: '3',
    ktpElStatus: 's',
    kelurahanCode: ' 31.75.01.1001 ',
    phone: '+62 812-3456-7890',
    email: ' Siti.Aminah@Contoh.CO.ID ',
  };

  expect(checkRegistrationForm(typed, context)).toEqual({
    issues: [],
    warnings: [],
    normalized: {
      ...validForm,
      name: "SITI NUR'AINI",
      birthPlace: 'Jakarta Timur',
      address: 'Jl. Pisangan Baru No. 7',
      rt: '005',
      rw: '012',
      disability: 3,
      phone: '081234567890',
      email: 'Siti.Aminah@contoh.co.id',
    },
  });
});

it('lists one issue per missing field, in the order of the form', () => {
  const empty = {
    nik: '',
    nkk: '',
    name: '',
    birthPlace: '',
    birthDate: '',
    maritalStatus: '',
    sex: '',
    address: '',
    rt: '',
    rw: '',
    disability: '',
    ktpElStatus: '',
    kelurahanCode: '',
    phone: '',
    email: '',
    consent: false,
    declaresEligibility: false,
  };

  const result = checkRegistrationForm(empty, context);

  expect(result.issues).toEqual([
    { field: 'nik', code: 'NIK_FORMAT', message: 'NIK harus terdiri dari 16 digit angka' },
    { field: 'nkk', code: 'NKK_FORMAT', message: 'NKK harus terdiri dari 16 digit angka' },
    { field: 'name', code: 'REQUIRED', message: 'Nama wajib diisi' },
    { field: 'birthPlace', code: 'REQUIRED', message: 'Tempat lahir wajib diisi' },
    {
      field: 'birthDate',
      code: 'REQUIRED',
      message: 'Isi tanggal lahir seperti tertulis di KTP atau KK',
    },
    {
      field: 'maritalStatus',
      code: 'REQUIRED',
      message: 'Pilih status perkawinan: belum kawin, kawin atau pernah kawin',
    },
    { field: 'sex', code: 'REQUIRED', message: 'Pilih jenis kelamin: laki-laki atau perempuan' },
    { field: 'address', code: 'REQUIRED', message: 'Alamat wajib diisi' },
    { field: 'rt', code: 'REQUIRED', message: 'Isi nomor RT sesuai KK, misalnya 005' },
    { field: 'rw', code: 'REQUIRED', message: 'Isi nomor RW sesuai KK, misalnya 005' },
    {
      field: 'disability',
      code: 'INVALID_CHOICE',
      message: 'Pilih jenis disabilitas, atau "Tidak ada"',
    },
    {
      field: 'ktpElStatus',
      code: 'REQUIRED',
      message: 'Pilih status KTP-el: sudah atau belum memiliki KTP-el',
    },
    { field: 'kelurahanCode', code: 'REQUIRED', message: 'Pilih kelurahan alamat KK dari daftar' },
    {
      field: 'consent',
      code: 'CONSENT_REQUIRED',
      message: 'Centang persetujuan pemrosesan data pribadi untuk dapat mendaftar',
    },
    {
      field: 'declaresEligibility',
      code: 'DECLARATION_REQUIRED',
      message:
        'Centang pernyataan bahwa Anda WNI, bukan anggota TNI/Polri aktif, dan hak pilih Anda ' +
        'tidak sedang dicabut',
    },
  ]);
  expect(result.warnings).toEqual([]);
  expect([result.normalized.phone, result.normalized.email]).toEqual([null, null]);
});

it('never throws on values of the wrong type from a plain JavaScript caller', () => {
  const garbage = Object.fromEntries(
    Object.keys(validForm).map((field) => [field, field === 'name' ? 42 : undefined]),
  ) as unknown as RegistrationFormInput;

  const result = checkRegistrationForm(garbage, context);

  expect(result.issues.map((issue) => issue.field)).toEqual([
    'nik',
    'nkk',
    'name',
    'birthPlace',
    'birthDate',
    'maritalStatus',
    'sex',
    'address',
    'rt',
    'rw',
    'disability',
    'ktpElStatus',
    'kelurahanCode',
    'consent',
    'declaresEligibility',
  ]);
});

it('throws on a malformed reference or polling date, which is a bug in the caller', () => {
  expect(() =>
    checkRegistrationForm(validForm, { ...context, referenceDate: '30-06-2025' }),
  ).toThrow(RangeError);
  expect(() => checkRegistrationForm(validForm, { ...context, pollingDate: '2029-02-30' })).toThrow(
    RangeError,
  );
});

describe('NIK and NKK', () => {
  it('passes on the messages of parseNik and parseNkk', () => {
    expect(check({ nik: '3175015205000000', nkk: '2222222222222222' }).issues).toEqual([
      { field: 'nik', code: 'NIK_SERIAL', message: 'Nomor urut NIK tidak boleh 0000' },
      { field: 'nkk', code: 'NKK_JUNK', message: 'NKK tidak valid: keenam belas digitnya sama' },
    ]);
  });

  it('accepts an NIK issued anywhere in Indonesia, without a warning', () => {
    const nik = buildNik({ districtCode: '730101', birthDate: '2000-05-12', sex: 'P', serial: 9 });

    expect(check({ nik })).toEqual({
      issues: [],
      warnings: [],
      normalized: { ...validForm, nik },
    });
  });

  it('refuses a KK from another kab/kota and tells the citizen where to register', () => {
    expect(check({ nkk: '3174010101200001' })).toMatchObject({
      issues: [
        {
          field: 'nkk',
          code: 'BUKAN_PENDUDUK',
          message:
            'KPU Kota Jakarta Timur hanya menerima pendaftaran penduduk yang KK-nya diterbitkan ' +
            'di Kota Jakarta Timur, sedangkan NKK ini berasal dari daerah lain. Silakan mendaftar ' +
            'di KPU kabupaten/kota tempat KK Anda diterbitkan',
        },
      ],
      warnings: [],
    });
  });

  it('only warns staff when the KK is from another kecamatan of this kota', () => {
    expect(check({ nkk: '3175060101200001' })).toMatchObject({
      issues: [],
      warnings: [
        {
          field: 'nkk',
          code: 'NKK_PREFIX_MISMATCH',
          message: 'Kode kecamatan pada NKK tidak sesuai dengan kecamatan alamat (Matraman)',
        },
      ],
    });
  });

  it('warns when the kecamatan of the KK is not in the region data', () => {
    expect(check({ nkk: '3175990101200001' })).toMatchObject({
      issues: [],
      warnings: [
        {
          field: 'nkk',
          code: 'NKK_UNKNOWN_DISTRICT',
          message: 'Kode kecamatan pada NKK (99) tidak ditemukan dalam data wilayah',
        },
        {
          field: 'nkk',
          code: 'NKK_PREFIX_MISMATCH',
          message: 'Kode kecamatan pada NKK tidak sesuai dengan kecamatan alamat (Matraman)',
        },
      ],
    });
  });

  it('warns, without refusing, when the NIK disagrees with the sex and birth date on the form', () => {
    expect(check({ sex: 'L', birthDate: '2000-05-13' })).toMatchObject({
      issues: [],
      warnings: [
        {
          field: 'sex',
          code: 'NIK_SEX_MISMATCH',
          message: 'Jenis kelamin menurut NIK berbeda dengan jenis kelamin pada data',
        },
        {
          field: 'birthDate',
          code: 'NIK_BIRTH_DATE_MISMATCH',
          message: 'Tanggal lahir menurut NIK berbeda dengan tanggal lahir pada data',
        },
      ],
    });
  });

  it('does not compare the NIK with a birth date that is itself invalid', () => {
    expect(check({ birthDate: '2000-02-30' })).toMatchObject({
      issues: [
        {
          field: 'birthDate',
          code: 'INVALID_DATE',
          message: 'Tanggal lahir bukan tanggal yang valid',
        },
      ],
      warnings: [],
    });
  });
});

describe('age', () => {
  const underAge = {
    field: 'birthDate',
    code: 'DI_BAWAH_UMUR',
    message:
      'Belum dapat mendaftar: pemilih harus berumur 17 tahun pada hari pemungutan suara ' +
      'atau sudah/pernah kawin. Periksa kembali tanggal lahir dan status perkawinan',
  };

  it('accepts someone who is 17 on the reference date', () => {
    expect(bornOn('2008-06-30').issues).toEqual([]);
  });

  it('accepts a pemilih pemula who turns 17 by polling day', () => {
    expect([bornOn('2010-03-01').issues, bornOn('2012-02-14').issues]).toEqual([[], []]);
  });

  it('refuses someone who is still under 17 on polling day and has never married', () => {
    expect([bornOn('2012-02-15').issues, bornOn('2020-01-01').issues]).toEqual([
      [underAge],
      [underAge],
    ]);
  });

  it('accepts someone under 17 who is or has been married', () => {
    expect([bornOn('2012-02-15', 'S').issues, bornOn('2012-02-15', 'P').issues]).toEqual([[], []]);
  });

  it('refuses a birth date after the reference date, once, without an age issue', () => {
    expect(check({ birthDate: '2025-07-01' }).issues).toEqual([
      {
        field: 'birthDate',
        code: 'DATE_IN_FUTURE',
        message: 'Tanggal lahir tidak boleh setelah hari ini',
      },
    ]);
  });

  it('lists the age issue under the birth date, before later fields', () => {
    const nik = buildNik({ districtCode: '317501', birthDate: '2020-01-01', sex: 'P', serial: 1 });

    expect(
      check({ nik, birthDate: '2020-01-01', rt: '000' }).issues.map((issue) => issue.code),
    ).toEqual(['DI_BAWAH_UMUR', 'INVALID_FORMAT']);
  });
});

describe('text fields', () => {
  it('accepts the punctuation of names and letters with accents', () => {
    expect(
      ['Muh. Ali', "Nur'aini", 'Siti Aisyah-Putri', 'Andi, S.Pd', 'José Ramos'].map(
        (name) => check({ name }).normalized.name,
      ),
    ).toEqual(['MUH. ALI', "NUR'AINI", 'SITI AISYAH-PUTRI', 'ANDI, S.PD', 'JOSÉ RAMOS']);
    expect(check({ name: 'José Ramos' }).issues).toEqual([]);
  });

  it('refuses names with digits, other symbols or no letter at all', () => {
    const invalid = {
      field: 'name',
      code: 'INVALID_CHARACTERS',
      message: "Nama hanya boleh berisi huruf, spasi dan tanda . , ' -, seperti tertulis di KTP",
    };

    expect(
      ['Siti 2', 'Siti_Aminah', '<script>', '.-'].map((name) => check({ name }).issues),
    ).toEqual([[invalid], [invalid], [invalid], [invalid]]);
  });

  it('enforces the lengths after normalising spaces', () => {
    expect([
      check({ name: `${'A'.repeat(100)}   ` }).issues,
      check({ name: 'A'.repeat(101) }).issues,
      check({ birthPlace: 'B'.repeat(61) }).issues,
      check({ address: 'C'.repeat(201) }).issues,
      check({ address: 'C'.repeat(200) }).issues,
    ]).toEqual([
      [],
      [{ field: 'name', code: 'TOO_LONG', message: 'Nama paling banyak 100 karakter' }],
      [
        {
          field: 'birthPlace',
          code: 'TOO_LONG',
          message: 'Tempat lahir paling banyak 60 karakter',
        },
      ],
      [{ field: 'address', code: 'TOO_LONG', message: 'Alamat paling banyak 200 karakter' }],
      [],
    ]);
  });

  it('refuses control characters in free text', () => {
    expect(check({ address: 'Jl. Raya\u0000 No. 1' }).issues).toEqual([
      {
        field: 'address',
        code: 'INVALID_CHARACTERS',
        message: 'Alamat berisi karakter yang tidak diizinkan',
      },
    ]);
  });
});

describe('codes, RT/RW and kelurahan', () => {
  it('refuses RT/RW that are not 1–3 digits, or are 000', () => {
    expect([
      check({ rt: '1234' }).issues,
      check({ rw: '1a' }).issues,
      check({ rt: '0' }).issues,
    ]).toEqual([
      [
        {
          field: 'rt',
          code: 'INVALID_FORMAT',
          message: 'RT harus berupa 1–3 digit angka, misalnya 005',
        },
      ],
      [
        {
          field: 'rw',
          code: 'INVALID_FORMAT',
          message: 'RW harus berupa 1–3 digit angka, misalnya 005',
        },
      ],
      [
        {
          field: 'rt',
          code: 'INVALID_FORMAT',
          message: 'RT tidak boleh 000; isi nomor RT sesuai KK',
        },
      ],
    ]);
  });

  it('refuses codes outside the closed lists', () => {
    expect(
      check({ maritalStatus: 'K', sex: 'X', disability: 7, ktpElStatus: 'Y' }).issues.map(
        (issue) => [issue.field, issue.code],
      ),
    ).toEqual([
      ['maritalStatus', 'INVALID_CHOICE'],
      ['sex', 'INVALID_CHOICE'],
      ['disability', 'INVALID_CHOICE'],
      ['ktpElStatus', 'INVALID_CHOICE'],
    ]);
  });

  it('accepts only kelurahan of the catalogue, not a kecamatan or another kota', () => {
    const unknown = {
      field: 'kelurahanCode',
      code: 'UNKNOWN_KELURAHAN',
      message: 'Pilih kelurahan alamat KK dari daftar',
    };

    expect(
      ['31.75.01.1099', '31.75.01', '31.74.01.1001', '3175011001'].map(
        (kelurahanCode) => check({ kelurahanCode }).issues,
      ),
    ).toEqual([[unknown], [unknown], [unknown], [unknown]]);
  });
});

describe('contact and consent', () => {
  it('accepts mobile numbers starting 08 or +628 with 10–15 digits', () => {
    expect(
      ['0812345678', '081234567890123', '+628123456789', '0812 3456 7890'].map((phone) => {
        const result = check({ phone });
        return [result.issues, result.normalized.phone];
      }),
    ).toEqual([
      [[], '0812345678'],
      [[], '081234567890123'],
      [[], '08123456789'],
      [[], '081234567890'],
    ]);
  });

  it('refuses other phone numbers with a hint that the field may stay empty', () => {
    const invalid = {
      field: 'phone',
      code: 'INVALID_FORMAT',
      message:
        'Nomor HP harus diawali 08 atau +628 dan terdiri dari 10–15 digit, atau kosongkan saja',
    };

    expect(
      ['081234567', '0812345678901234', '0211234567', '+6521234567', '08123abc90'].map(
        (phone) => check({ phone }).issues,
      ),
    ).toEqual([[invalid], [invalid], [invalid], [invalid], [invalid]]);
  });

  it('refuses e-mail addresses without the simple shape or over 254 characters', () => {
    const invalid = {
      field: 'email',
      code: 'INVALID_FORMAT',
      message: 'Alamat email tidak valid (contoh: nama@contoh.id), atau kosongkan saja',
    };
    const long = `${'a'.repeat(64)}@${'b'.repeat(183)}.co.id`;

    expect(
      ['siti', 'siti@', 'siti@contoh', 'si ti@contoh.id', 'siti@@contoh.id', `x${long}`].map(
        (email) => check({ email }).issues,
      ),
    ).toEqual([[invalid], [invalid], [invalid], [invalid], [invalid], [invalid]]);
    expect(check({ email: long }).issues).toEqual([]);
  });

  it('requires both consent and the eligibility declaration to be exactly true', () => {
    const result = checkRegistrationForm(
      { ...validForm, consent: 'true' as unknown as boolean, declaresEligibility: false },
      context,
    );

    expect(result.issues.map((issue) => issue.code)).toEqual([
      'CONSENT_REQUIRED',
      'DECLARATION_REQUIRED',
    ]);
  });
});
