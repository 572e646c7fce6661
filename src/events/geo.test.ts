// Geocoding against the shipped gazetteer: capitals and large places first, the article's countries as tie-breaker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadResources } from '../resources/load.js';

const geo = loadResources().geo!;

const CASES: { name: string; context?: string[]; country: string | null; geonameId?: number }[] = [
  { name: 'Muscat', country: 'OMN' },
  { name: 'Paris', country: 'FRA', geonameId: 2988507 },
  { name: 'Paris', context: ['USA'], country: 'FRA' },
  { name: 'Tehran', country: 'IRN' },
  { name: 'Iran', country: 'IRN' },
  { name: 'Geneva', country: 'CHE' },
  { name: 'Kyiv', country: 'UKR' },
  { name: 'Geneva', context: ['USA'], country: 'CHE' },
  { name: 'Springfield', context: ['USA'], country: 'USA' },
];

for (const c of CASES) {
  test(`geocodes ${c.name}${c.context ? ` with context ${c.context.join(',')}` : ''} to ${c.country}`, () => {
    const loc = geo.geocode(c.name, new Set(c.context ?? []));
    assert.ok(loc, `${c.name} not found`);
    assert.equal(loc.country, c.country);
    if (c.geonameId) assert.equal(loc.geonameId, c.geonameId);
    assert.ok(Math.abs(loc.lat) <= 90 && Math.abs(loc.lon) <= 180);
  });
}

test('a country name geocodes to its centroid without a geonameId', () => {
  const loc = geo.geocode('France');
  assert.equal(loc?.country, 'FRA');
  assert.equal(loc?.geonameId, undefined);
});

test('an unknown name does not geocode', () => {
  assert.equal(geo.geocode('Xyzzyville'), undefined);
});
