// The place gazetteer: geocodes a place name to GeoNames coordinates, preferring countries, capitals, large places
// and places in the countries the article is about ("Paris" is the French capital unless Texas is in play).
import type { Location } from '../schema/extraction.js';

interface Place {
  id: number;
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  pop: number;
  capital: boolean;
  /** Matched by its main name (not an alternate). */
  primary?: boolean;
  isCountry?: boolean;
}

function key(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
}

export class Gazetteer {
  private readonly byName = new Map<string, Place[]>();
  private readonly countries = new Map<string, Place>();

  /** `places` and `countries` are the texts of data/geo/places.tsv and countries.tsv. */
  constructor(places: string, countries: string) {
    for (const line of countries.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [c3, name, lat, lon, alt] = line.split('\t');
      const p: Place = { id: 0, name, country: c3, lat: Number(lat), lon: Number(lon), pop: 0, capital: false, isCountry: true };
      this.countries.set(c3, p);
      this.add(name, p, true);
      for (const a of (alt ?? '').split('|')) if (a) this.add(a, p, false);
    }
    for (const line of places.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [id, name, c3, lat, lon, pop, cap, alt] = line.split('\t');
      const p: Place = { id: Number(id), name, country: c3 || null, lat: Number(lat), lon: Number(lon), pop: Number(pop) || 0, capital: cap === 'C' };
      this.add(name, p, true);
      for (const a of (alt ?? '').split('|')) if (a) this.add(a, p, false);
    }
  }

  private add(name: string, p: Place, primary: boolean): void {
    const k = key(name);
    const list = this.byName.get(k);
    const entry = primary ? { ...p, primary: true } : p;
    if (!list) this.byName.set(k, [entry]);
    else if (!list.some((q) => q.id === p.id && q.isCountry === p.isCountry)) list.push(entry);
  }

  has(name: string): boolean {
    return this.byName.has(key(name));
  }

  /** The country's centroid as a place. */
  country(iso3: string): Location | undefined {
    const c = this.countries.get(iso3);
    return c ? { name: c.name, country: c.country, lat: c.lat, lon: c.lon } : undefined;
  }

  /**
   * The best place for a name. `context` holds the ISO3 codes of countries the article mentions; a place there
   * outranks a larger one elsewhere only when it is not a capital abroad.
   */
  geocode(name: string, context: ReadonlySet<string> = new Set()): Location | undefined {
    const cands = this.byName.get(key(name));
    if (!cands || !cands.length) return undefined;
    let best: Place | undefined, bestScore = -Infinity;
    for (const p of cands) {
      // weights: a capital or a place ten times larger beats a same-country namesake (Geneva, not Geneva IL)
      let s = 1.5 * Math.log10(p.pop + 10);
      if (p.isCountry) s += p.primary ? 20 : 8;
      if (p.capital) s += 3;
      if (p.primary) s += 0.5;
      if (p.country && context.has(p.country)) s += 0.7;
      if (s > bestScore) {
        bestScore = s;
        best = p;
      }
    }
    if (!best) return undefined;
    return { name: best.name, country: best.country, lat: best.lat, lon: best.lon, ...(best.id ? { geonameId: best.id } : {}) };
  }
}
