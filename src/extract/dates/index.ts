export { findDates, parseDateline, normalizeDateValue } from './find-dates.js';
export type { DateMention, FindDatesOptions } from './find-dates.js';
export { resolveYear } from './calendar.js';
