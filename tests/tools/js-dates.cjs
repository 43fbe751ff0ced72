// Reads date-time strings the way a clinic website does, with JavaScript's Date, and prints
// what each became as JSON: the ISO instant, or null where Date could not read it.
// Usage: node js-dates.cjs FILE   (FILE holds a JSON array of strings)
'use strict';
const fs = require('fs');
const texts = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const read = texts.map((text) => {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
});
process.stdout.write(JSON.stringify(read));
