// Test helper: validates a value against the committed Extraction JSON Schema (ajv, draft 2020-12).
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';

let validator: ReturnType<Ajv2020['compile']> | undefined;

export function validateAgainstJsonSchema(value: unknown): string[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync('schema/extraction.schema.json', 'utf8'));
    validator = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  }
  return validator(value) ? [] : (validator.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
