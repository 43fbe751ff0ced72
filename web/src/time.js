// Times as the API writes them: ISO 8601 in the clinic's zone with its offset, so the clinic's
// own date and time are the text itself; the patient's zone is computed from the instant.
import { locale } from './text.js';

/** The instant of an API date-time (RFC 3339). */
export const instant = (iso) => new Date(iso);

/** The clinic-local date (yyyy-MM-dd) and time (HH:mm) of an API date-time. */
export const clinicDate = (iso) => iso.slice(0, 10);
export const clinicTime = (iso) => iso.slice(11, 16);

const utcDay = (date) => new Date(`${date}T00:00:00Z`);

export function addDays(date, days) {
  const d = utcDay(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const addWeeks = (date, weeks) => addDays(date, weeks * 7);

const dayFormat = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
const shortDayFormat = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const longDayFormat = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "Monday 7 December" for a yyyy-MM-dd date. */
export const dayLabel = (date) => dayFormat.format(utcDay(date));
export const shortDayLabel = (date) => shortDayFormat.format(utcDay(date));
export const longDayLabel = (date) => longDayFormat.format(utcDay(date));

/** "Monday 7 December, 09:00" in the clinic's zone. */
export const whenLabel = (iso) => `${dayLabel(clinicDate(iso))}, ${clinicTime(iso)}`;

/** The zone's city as people say it: "Europe/London" is "London". */
export const zoneCity = (zone) => zone.split('/').pop().replace(/_/g, ' ');

export const patientZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The time in the patient's zone when it differs from the clinic's, else null. */
export function patientTime(iso, clinicZone) {
  const zone = patientZone();
  if (!zone || zone === clinicZone) return null;
  const at = instant(iso);
  const format = (z) => new Intl.DateTimeFormat(locale, { timeZone: z, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  const theirs = format(zone);
  const sameDay = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(at) === clinicDate(iso);
  return theirs === clinicTime(iso) && sameDay ? null : sameDay ? theirs : `${shortDayLabel(new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(at))} ${theirs}`;
}

/** Today's date in a zone. */
export const todayIn = (zone) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());

export function money(value, currency) {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: value % 1 === 0 ? 0 : 2 }).format(value);
}
