/**
 * YAML settings shared by everything that reads or writes front matter and registries, so that the
 * checker, the registries and the importer agree on one set of limits.
 */

/**
 * Aliases (`*a`) the `yaml` package may expand while turning a document into data (its own
 * `maxAliasCount`, counted as it counts them: uses times size of the aliased node). Reports and
 * registries never need aliases; a handful of nested ones (a "billion laughs" bomb) would
 * otherwise grow a few lines into gigabytes. 100 is the package's default, written out here so
 * it cannot silently change and every parser passes the same value.
 */
export const MAX_YAML_ALIASES = 100;

/** True for the error the `yaml` package throws when `maxAliasCount` is exceeded. */
export function isAliasLimitError(error: unknown): boolean {
  return error instanceof ReferenceError && /alias count/i.test(error.message);
}

/**
 * Options for writing front matter with the `yaml` package. Its default (YAML 1.2 core) schema
 * writes `2022-05-18`, `1_000` or `yes` as plain text, but Astro reads front matter with js-yaml,
 * whose YAML 1.1 types turn them into a Date, a number or a boolean: the build then refuses the
 * report. Writing with the YAML 1.1 schema quotes every string any such reader could misread.
 * Dates meant as dates are passed as `yamlDate()` values, so they stay plain (`date: 2022-05-18`).
 */
export const YAML_WRITE_OPTIONS = { schema: 'yaml-1.1', lineWidth: 0, defaultStringType: 'PLAIN', flowCollectionPadding: false } as const;

/** A full YYYY-MM-DD as a UTC Date (written plain as a YAML timestamp); partial dates stay text. */
export function yamlDate(date: string): string | Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : date;
}
