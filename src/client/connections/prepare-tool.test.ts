import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { prepareJsonSchemaTool } from './prepare-json-schema-tool.js';
import { prepareTool } from './prepare-tool.js';
import { prepareValibotTool } from './prepare-valibot-tool.js';
import type { ClientTool } from './types.js';

const tool = (parameters: ClientTool['parameters']): ClientTool => ({ name: 'set_filters', description: 'Sets the filters', parameters, execute: () => null });

const filtersSchema = {
  type: 'object',
  properties: {
    region: { type: 'string', enum: ['eu', 'us'] },
    fields: { type: 'array', items: { type: 'string', enum: ['name', 'date'] } },
  },
  required: ['region'],
  additionalProperties: false,
};

const filtersValibot = v.object({
  region: v.picklist(['eu', 'us']),
  fields: v.array(v.picklist(['name', 'date'])),
  limit: v.optional(v.number()),
});

describe('prepareJsonSchemaTool', () => {
  it('passes the schema through as the descriptor parameters', () => {
    const { descriptor } = prepareJsonSchemaTool(tool(filtersSchema));
    expect(descriptor).toEqual({ name: 'set_filters', description: 'Sets the filters', parameters: filtersSchema });
    expect(descriptor.parameters).toBe(filtersSchema);
  });

  it('accepts matching arguments as they are', () => {
    const args = { region: 'eu', fields: ['name'] };
    expect(prepareJsonSchemaTool(tool(filtersSchema)).checkArgs(args)).toEqual({ ok: true, args });
  });

  it('names the path of a nested failure, reporting the innermost errors only', () => {
    const checked = prepareJsonSchemaTool(tool(filtersSchema)).checkArgs({ region: 'eu', fields: ['name', 'colour'] });
    expect(checked.ok).toBe(false);
    const message = !checked.ok ? checked.message : '';
    expect(message).toContain('/fields/1');
    expect(message).not.toContain('Property "fields" does not match');
  });

  it('names a missing required property and an extra one', () => {
    const missing = prepareJsonSchemaTool(tool(filtersSchema)).checkArgs({ fields: [] });
    expect(missing).toEqual({ ok: false, message: expect.stringContaining('region') });
    const extra = prepareJsonSchemaTool(tool(filtersSchema)).checkArgs({ region: 'us', colour: 'red' });
    expect(extra).toEqual({ ok: false, message: expect.stringContaining('colour') });
  });

  it('shows at most three errors', () => {
    const checked = prepareJsonSchemaTool(tool({ type: 'array', items: { type: 'string' } })).checkArgs([1, 2, 3, 4, 5]);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.message.split('; ')).toHaveLength(3);
  });

  it('fails the check instead of throwing when the schema cannot be applied', () => {
    const prepared = prepareJsonSchemaTool(tool({ $ref: '#/$defs/missing' }));
    expect(prepared.checkArgs({})).toEqual({ ok: false, message: expect.stringContaining('could not be applied') });
  });
});

describe('prepareValibotTool', () => {
  it('converts it to a JSON Schema with its properties and required keys', () => {
    const { descriptor } = prepareValibotTool(tool(filtersValibot));
    expect(descriptor.name).toBe('set_filters');
    expect(descriptor.parameters).toMatchObject({
      type: 'object',
      properties: {
        region: { type: 'string', enum: ['eu', 'us'] },
        fields: { type: 'array', items: { type: 'string', enum: ['name', 'date'] } },
        limit: { type: 'number' },
      },
      required: ['region', 'fields'],
    });
  });

  it('leaves out what JSON Schema cannot say instead of failing', () => {
    const schema = v.object({ when: v.date(), note: v.pipe(v.string(), v.transform((text) => text.length)) });
    const { descriptor } = prepareValibotTool(tool(schema));
    expect(descriptor.parameters).toMatchObject({ type: 'object', required: ['when', 'note'] });
  });

  it('checks with valibot and hands on its output', () => {
    const prepared = prepareValibotTool(tool(v.object({ name: v.pipe(v.string(), v.trim()) })));
    expect(prepared.checkArgs({ name: '  Ada ' })).toEqual({ ok: true, args: { name: 'Ada' } });
  });

  it('names the path of the failure', () => {
    const checked = prepareValibotTool(tool(filtersValibot)).checkArgs({ region: 'eu', fields: ['colour'] });
    expect(checked).toEqual({ ok: false, message: expect.stringMatching(/^fields\.0: /) });
  });
});

describe('prepareTool', () => {
  it('prepares a JSON Schema with the validator: the schema goes out as given and arguments are checked by it', async () => {
    const prepared = await prepareTool(tool(filtersSchema));
    expect(prepared.descriptor.parameters).toBe(filtersSchema);
    expect(prepared.checkArgs({ region: 'eu', extra: 1 })).toEqual(prepareJsonSchemaTool(tool(filtersSchema)).checkArgs({ region: 'eu', extra: 1 }));
    expect(prepared.checkArgs({ region: 'eu', extra: 1 }).ok).toBe(false);
  });

  it('prepares a valibot schema with the converter: a JSON Schema goes out and valibot produces the arguments', async () => {
    const trimmed = v.object({ name: v.pipe(v.string(), v.trim()) });
    const prepared = await prepareTool(tool(trimmed));
    expect(prepared.descriptor).toEqual(prepareValibotTool(tool(trimmed)).descriptor);
    expect(prepared.descriptor.parameters).toMatchObject({ type: 'object', required: ['name'] });
    expect(prepared.checkArgs({ name: '  Ada ' })).toEqual({ ok: true, args: { name: 'Ada' } });
  });

  it('rejects when the schema cannot be compiled', async () => {
    await expect(prepareTool(tool({ $id: 'http://[bad' }))).rejects.toThrow();
  });
});
