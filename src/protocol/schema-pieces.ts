import * as v from 'valibot';

/** Field schemas shared by the event and history contracts; internal to the protocol folder. */

/** Names an object already answers to; an entity id equal to one would look up `Object.prototype` instead of a record. */
export const objectMemberNames = new Set(Object.getOwnPropertyNames(Object.prototype));

export const nonEmpty = v.pipe(v.string(), v.minLength(1));
/** An id the view uses as a record key. */
export const entityId = v.pipe(
  nonEmpty,
  v.check((id) => !objectMemberNames.has(id), (issue) => `${JSON.stringify(issue.input)} is reserved: it names a member of every object`),
);
export const positiveInt = v.pipe(v.number(), v.integer(), v.minValue(1));
export const usage = v.object({
  inputTokens: v.pipe(v.number(), v.minValue(0)),
  outputTokens: v.pipe(v.number(), v.minValue(0)),
});
