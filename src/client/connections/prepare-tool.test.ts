import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { prepareTool } from './prepare-tool.js';
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

describe('prepareTool', () => {
  describe('with a JSON Schema', () => {
    it('passes the schema through as the descriptor parameters', () => {
      const { descriptor } = prepareTool(tool(filtersSchema));
      expect(descriptor).toEqual({ name: 'set_filters', description: 'Sets the filters', parameters: filtersSchema });
      expect(descriptor.parameters).toBe(filtersSchema);
    });

    it('accepts matching arguments as they are', () => {
      const args = { region: 'eu', fields: ['name'] };
      expect(prepareTool(tool(filtersSchema)).checkArgs(args)).toEqual({ ok: true, args });
    });

    it('names the path of a nested failure, reporting the innermost errors only', () => {
      const checked = prepareTool(tool(filtersSchema)).checkArgs({ region: 'eu', fields: ['name', 'colour'] });
      expect(checked.ok).toBe(false);
      const message = !checked.ok ? checked.message : '';
      expect(message).toContain('/fields/1');
      expect(message).not.toContain('Property "fields" does not match');
    });

    it('names a missing required property and an extra one', () => {
      const missing = prepareTool(tool(filtersSchema)).checkArgs({ fields: [] });
      expect(missing).toEqual({ ok: false, message: expect.stringContaining('region') });
      const extra = prepareTool(tool(filtersSchema)).checkArgs({ region: 'us', colour: 'red' });
      expect(extra).toEqual({ ok: false, message: expect.stringContaining('colour') });
    });

    it('shows at most three errors', () => {
      const checked = prepareTool(tool({ type: 'array', items: { type: 'string' } })).checkArgs([1, 2, 3, 4, 5]);
      expect(checked.ok).toBe(false);
      expect(!checked.ok && checked.message.split('; ')).toHaveLength(3);
    });

    it('fails the check instead of throwing when the schema cannot be applied', () => {
      const prepared = prepareTool(tool({ $ref: '#/$defs/missing' }));
      expect(prepared.checkArgs({})).toEqual({ ok: false, message: expect.stringContaining('could not be applied') });
    });
  });

  describe('with a valibot schema', () => {
    it('converts it to a JSON Schema with its properties and required keys', () => {
      const { descriptor } = prepareTool(tool(filtersValibot));
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
      const { descriptor } = prepareTool(tool(schema));
      expect(descriptor.parameters).toMatchObject({ type: 'object', required: ['when', 'note'] });
    });

    it('checks with valibot and hands on its output', () => {
      const prepared = prepareTool(tool(v.object({ name: v.pipe(v.string(), v.trim()) })));
      expect(prepared.checkArgs({ name: '  Ada ' })).toEqual({ ok: true, args: { name: 'Ada' } });
    });

    it('names the path of the failure', () => {
      const checked = prepareTool(tool(filtersValibot)).checkArgs({ region: 'eu', fields: ['colour'] });
      expect(checked).toEqual({ ok: false, message: expect.stringMatching(/^fields\.0: /) });
    });
  });
});
