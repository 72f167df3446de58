import { base, en, Faker, id_ID } from '@faker-js/faker';
import type { RegionCatalogue, RegionRow } from '@kaliber/schema';

/**
 * The word lists a synthetic voter is assembled from, prepared once per run. Faker supplies the
 * Indonesian vocabulary (given names and family names by sex, town names) and, seeded, the
 * street names of each kelurahan; the per-row choices are then made by the fast seeded
 * generator, because a faker call per field would dominate a 2.4-million-row run.
 */
export interface SyntheticPools {
  readonly maleGivenNames: readonly string[];
  readonly femaleGivenNames: readonly string[];
  readonly maleFamilyNames: readonly string[];
  readonly femaleFamilyNames: readonly string[];
  /** Towns other than the deployment's own, for people born elsewhere. */
  readonly otherBirthPlaces: readonly string[];
  /** Street names (with their "Jl."/"Gg." prefix) per dotted kelurahan code. */
  readonly streetsByKelurahan: ReadonlyMap<string, readonly string[]>;
}

/** Given names that open many Indonesian names, by sex ("Muhammad Rizki", "Siti Aminah"). */
export const MALE_NAME_OPENERS = ['Muhammad', 'Ahmad', 'Abdul', 'Moh.', 'Agus', 'Budi'] as const;
export const FEMALE_NAME_OPENERS = ['Siti', 'Nur', 'Sri', 'Dewi', 'Rina', 'Ayu'] as const;

/** Common words of street names in Jakarta's kampung and housing estates. */
const STREET_WORDS = [
  'Masjid',
  'Swadaya',
  'Bhakti',
  'Damai',
  'Delima',
  'Kenanga',
  'Melati',
  'Mawar',
  'Anggrek',
  'Kamboja',
  'Flamboyan',
  'Cempaka',
  'Dahlia',
  'Nusa Indah',
  'Kebon Kelapa',
  'Kelapa Dua',
  'Sawo',
  'Rambutan',
  'Manggis',
  'Jambu',
  'Pendidikan',
  'Musholla',
  'Pemuda',
  'Merdeka',
  'Gotong Royong',
  'Karya Bakti',
  'Setia Kawan',
  'Sentosa',
  'Harapan',
  'Sejahtera',
] as const;

/** Suffixes of a street name; the empty one three times, since most streets have none. */
const STREET_SUFFIXES = ['', '', '', ' Raya', ' I', ' II', ' III', ' IV', ' Dalam', ' Ujung'];

/** Streets per kelurahan: enough variety for its few thousand households. */
const STREETS_PER_KELURAHAN = 32;

/**
 * Builds the pools for one run. `seed` fixes the street names; the name lists are faker's own
 * and the same for every seed.
 */
export function buildSyntheticPools(catalogue: RegionCatalogue, seed: number): SyntheticPools {
  const faker = new Faker({ locale: [id_ID, en, base] });
  faker.seed(seed);

  const person = faker.definitions.person;
  const homeTown = homeBirthPlace(catalogue.kabKota);
  const streetsByKelurahan = new Map<string, readonly string[]>();
  for (const kecamatan of catalogue.kecamatan) {
    for (const kelurahan of catalogue.kelurahanOf(kecamatan.code)) {
      streetsByKelurahan.set(kelurahan.code, streetNamesFor(faker, kelurahan));
    }
  }

  return {
    maleGivenNames: required(person.first_name.male, 'male given names'),
    femaleGivenNames: required(person.first_name.female, 'female given names'),
    maleFamilyNames: required(person.last_name.male, 'male family names'),
    femaleFamilyNames: required(person.last_name.female, 'female family names'),
    // Faker's town list has a few entries with a qualifier ("Banjar (Jawa Barat)"); an
    // official record writes the plain name.
    otherBirthPlaces: faker.definitions.location.city_name.filter(
      (town) => /^[A-Za-z][A-Za-z .-]*$/.test(town) && town !== homeTown,
    ),
    streetsByKelurahan,
  };
}

/**
 * The birth place written for people born in the deployment's own kabupaten/kota: "Jakarta"
 * for the five Jakarta cities (as the records write it), otherwise the name without its
 * "Kota"/"Kabupaten" prefix.
 */
export function homeBirthPlace(kabKota: RegionRow): string {
  if (kabKota.code.startsWith('31.')) return 'Jakarta';

  return kabKota.name.replace(/^(Kota Administrasi|Kabupaten Administrasi|Kota|Kabupaten)\s+/i, '');
}

/**
 * A kelurahan's streets: some named after the kelurahan itself ("Jl. Pondok Kelapa Raya"),
 * some after a local figure ("Jl. H. Saptono"), the rest from common street words.
 */
function streetNamesFor(faker: Faker, kelurahan: RegionRow): string[] {
  const names = new Set<string>();
  // A kelurahan's main road is usually named after it.
  names.add(`Jl. ${kelurahan.name} Raya`);

  // Bounded so that a small vocabulary can never loop forever.
  for (let attempt = 0; names.size < STREETS_PER_KELURAHAN && attempt < 500; attempt += 1) {
    const kind = faker.number.int({ min: 0, max: 9 });
    const suffix = faker.helpers.arrayElement(STREET_SUFFIXES);
    if (kind <= 1) names.add(`Jl. ${kelurahan.name}${suffix || ' I'}`);
    else if (kind <= 3) names.add(`Jl. H. ${faker.person.lastName('male')}${suffix}`);
    else if (kind <= 5) names.add(`Gg. ${faker.helpers.arrayElement(STREET_WORDS)}${suffix}`);
    else names.add(`Jl. ${faker.helpers.arrayElement(STREET_WORDS)}${suffix}`);
  }

  return [...names];
}

function required(list: readonly string[] | undefined, what: string): readonly string[] {
  if (!list || list.length === 0) throw new Error(`The faker locale has no ${what}`);

  return list;
}
