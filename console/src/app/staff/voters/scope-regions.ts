/** A region as the RegionTree query lists it: Kemendagri code and name. */
export interface RegionOption {
  readonly code: string;
  readonly name: string;
}

/** A kecamatan of the RegionTree query with its kelurahan. */
export interface KecamatanOption extends RegionOption {
  readonly children: readonly RegionOption[];
}

/**
 * Whether a region lies inside an account's scope. Codes nest by dotted prefix (31.75.06 holds
 * 31.75.06.1001); a null scope is the whole kab/kota. The prefix is matched up to a dot, so a
 * scope of 31.75.0 could never take in 31.75.06.
 */
export function isWithinScope(code: string, scopeCode: string | null | undefined): boolean {
  if (scopeCode === null || scopeCode === undefined) {
    return true;
  }

  return code === scopeCode || code.startsWith(`${scopeCode}.`);
}

/**
 * The kecamatan with only the kelurahan inside the scope, dropping kecamatan left empty: the
 * choices a scoped operator may search. The server enforces the same limit; the picker only
 * keeps it from offering searches that would be refused.
 */
export function kelurahanInScope(
  kecamatan: readonly KecamatanOption[],
  scopeCode: string | null | undefined,
): KecamatanOption[] {
  return kecamatan.flatMap((node) => {
    const children = node.children.filter((kelurahan) => isWithinScope(kelurahan.code, scopeCode));

    return children.length > 0 ? [{ code: node.code, name: node.name, children }] : [];
  });
}
