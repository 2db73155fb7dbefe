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
