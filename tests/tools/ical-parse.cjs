// Parses iCalendar files with ical.js (an independent implementation) and prints what it read
// as JSON, for the .NET tests to compare with what they meant to write. A time with a TZID is
// resolved through the file's own VTIMEZONE by ical.js's timezone code (nothing is registered
// from elsewhere); `zone` says which zone resolved it (null: none did, the time was floating).
// Usage: node ical-parse.cjs FILE.ics [FILE.ics ...]   (REPO_ROOT locates node_modules)
'use strict';
const fs = require('fs');
const ICAL = require(require.resolve('ical.js', { paths: [process.env.REPO_ROOT || process.cwd()] }));

function time(component, name) {
  const property = component.getFirstProperty(name);
  if (!property) return null;
  const value = property.getFirstValue();
  return {
    local: value.toString(),
    tzid: property.getParameter('tzid') || null,
    isDate: value.isDate,
    utc: value.isDate ? null : value.toJSDate().toISOString(),
    zone: value.isDate || !value.zone ? null : value.zone.tzid,
  };
}

function user(property) {
  if (!property) return null;
  return {
    value: property.getFirstValue(),
    cn: property.getParameter('cn') || null,
    rsvp: property.getParameter('rsvp') || null,
    partstat: property.getParameter('partstat') || null,
    role: property.getParameter('role') || null,
  };
}

const calendars = process.argv.slice(2).map((file) => {
  const text = fs.readFileSync(file, 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents('vtimezone');
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const alarm = v.getFirstSubcomponent('valarm');
    return {
      uid: v.getFirstPropertyValue('uid'),
      stamp: v.getFirstPropertyValue('dtstamp').toString(),
      sequence: v.getFirstPropertyValue('sequence'),
      status: v.getFirstPropertyValue('status'),
      summary: v.getFirstPropertyValue('summary'),
      location: v.getFirstPropertyValue('location'),
      description: v.getFirstPropertyValue('description'),
      url: v.getFirstPropertyValue('url'),
      class: v.getFirstPropertyValue('class'),
      start: time(v, 'dtstart'),
      end: time(v, 'dtend'),
      organizer: user(v.getFirstProperty('organizer')),
      attendees: v.getAllProperties('attendee').map(user),
      alarm: alarm ? { action: alarm.getFirstPropertyValue('action'), trigger: alarm.getFirstPropertyValue('trigger').toString() } : null,
    };
  });
  return {
    file,
    prodid: calendar.getFirstPropertyValue('prodid'),
    version: calendar.getFirstPropertyValue('version'),
    method: calendar.getFirstPropertyValue('method'),
    timezones: zones.map((z) => z.getFirstPropertyValue('tzid')),
    observances: zones.flatMap((z) => z.getAllSubcomponents().map((o) => ({
      tzId: z.getFirstPropertyValue('tzid'),
      kind: o.name.toUpperCase(),
      start: o.getFirstPropertyValue('dtstart').toString(),
      from: o.getFirstPropertyValue('tzoffsetfrom').toICALString(),
      to: o.getFirstPropertyValue('tzoffsetto').toICALString(),
      name: o.getFirstPropertyValue('tzname'),
    }))),
    events,
  };
});
process.stdout.write(JSON.stringify(calendars));
