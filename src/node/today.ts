/**
 * The tools' "today": the archive's calendar day in China (YYYY-MM-DD), or `ARCHIVE_TODAY` for
 * reproducible runs. The check refuses dates after it and the importer warns about them, so both
 * use this one clock; it sits on its own so the importer CLI does not load the whole check for it.
 */
import { calendarDayIn } from '../lib/check/dates.ts';

export function todayForCheck(): string {
  return process.env.ARCHIVE_TODAY ?? calendarDayIn(new Date());
}
