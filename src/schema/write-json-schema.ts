// Writes schema/extraction.schema.json from the zod schema (run by `npm run schema`; a test checks it is current).
import { writeFileSync, mkdirSync } from 'node:fs';
import { extractionJsonSchema } from './extraction.js';

mkdirSync('schema', { recursive: true });
writeFileSync('schema/extraction.schema.json', JSON.stringify(extractionJsonSchema(), null, 2) + '\n');
console.error('wrote schema/extraction.schema.json');
