import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_KEYS } from '@/utils/policy';

interface SchemaNode {
  type?: string;
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: unknown;
  [k: string]: unknown;
}

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../../public/managed_schema.json'), 'utf8')) as SchemaNode;
const CHROME_TYPES = ['object', 'array', 'string', 'integer', 'number', 'boolean', 'null'];
const KNOWN_ATTRIBUTES = new Set(['type', 'properties', 'items', 'title', 'description', 'additionalProperties', 'patternProperties', 'enum', 'minimum', 'maximum', 'pattern', 'id', '$ref']);

function check(node: SchemaNode, path: string, errors: string[]): void {
  const kinds = [node.type, node.$ref].filter(Boolean);
  if (kinds.length !== 1) errors.push(`${path}: needs exactly one of type or $ref`);
  if (node.type && !CHROME_TYPES.includes(node.type)) errors.push(`${path}: type ${node.type} unknown to Chrome`);
  if (node.type === 'array' && !node.items) errors.push(`${path}: an array needs items`);
  for (const k of Object.keys(node)) if (!KNOWN_ATTRIBUTES.has(k)) errors.push(`${path}: attribute ${k} unknown to Chrome`);
  for (const [k, child] of Object.entries(node.properties ?? {})) check(child, `${path}.${k}`, errors);
  if (node.items) check(node.items, `${path}[]`, errors);
}

describe('public/managed_schema.json (Chrome and Edge)', () => {
  it('follows the rules Chrome enforces (an invalid schema stops the extension from loading)', () => {
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBeUndefined();
    const errors: string[] = [];
    check(schema, '(root)', errors);
    expect(errors).toEqual([]);
  });

  it('declares exactly the policy keys of utils/policy.ts', () => {
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual(Object.keys(POLICY_KEYS).sort());
  });

  it('lists the actions of minSeverityByAction that the policy parser accepts', () => {
    const actions = Object.keys(schema.properties?.minSeverityByAction?.properties ?? {}).sort();
    expect(actions).toEqual(Object.keys(POLICY_KEYS.minSeverityByAction.def.keyType.def.entries).sort());
  });

  it('types each key the way the policy parser accepts it (extraRules travels as a JSON string)', () => {
    const types = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, v.type]));
    expect(types).toEqual({
      updateUrls: 'array',
      trustedPublicKeys: 'array',
      updateSources: 'array',
      updateIntervalHours: 'integer',
      enabledSites: 'array',
      actionBySeverity: 'object',
      region: 'string',
      language: 'string',
      allowPause: 'boolean',
      allowUserDisable: 'boolean',
      minSeverityByAction: 'object',
      allowUserThresholds: 'boolean',
      allowTrainingMode: 'boolean',
      extraRules: 'string',
    });
  });
});
