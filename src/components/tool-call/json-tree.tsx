import { useState, type ComponentPropsWithoutRef } from 'react';
import { classNames } from '../shared/class-names.js';
import { formatLabel } from '../shared/format-label.js';
import type { JsonTreeLabels } from './json-tree-labels.js';

export { jsonTreeLabels, type JsonTreeLabels } from './json-tree-labels.js';

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface JsonTreeProps extends Omit<ComponentPropsWithoutRef<'ul'>, 'children'> {
  value: unknown;
  labels: JsonTreeLabels;
  /** Levels open at first; deeper ones open on request. @default 2 */
  openDepth?: number;
  /** Children shown per object or array before a "show more" button. @default 100 */
  pageSize?: number;
}

/**
 * A JSON value as a tree of nested lists. Objects and arrays toggle with real buttons
 * (`aria-expanded`), so the tree is reachable with Tab and operated with Enter or Space. A closed
 * branch renders nothing below it.
 */
export function JsonTree({ value, labels, openDepth = 2, pageSize = 100, className, ...rest }: JsonTreeProps) {
  return (
    <ul aria-label={labels.jsonTree} className={classNames('platos-json-tree', className)} {...rest}>
      <JsonNode name={null} value={value as JsonValue} depth={0} labels={labels} openDepth={openDepth} pageSize={pageSize} />
    </ul>
  );
}

interface JsonNodeProps {
  name: string | null;
  value: JsonValue;
  depth: number;
  labels: JsonTreeLabels;
  openDepth: number;
  pageSize: number;
}

function JsonNode({ name, value, depth, labels, openDepth, pageSize }: JsonNodeProps) {
  const [open, setOpen] = useState(depth < openDepth);
  const [shown, setShown] = useState(pageSize);
  const key = name === null ? null : <span className="platos-json-key">{name}: </span>;

  if (value === null || typeof value !== 'object') {
    return (
      <li className="platos-json-node" data-type={value === null ? 'null' : typeof value}>
        {key}
        <span className="platos-json-value">{JSON.stringify(value)}</span>
      </li>
    );
  }

  const isArray = Array.isArray(value);
  const entries: [string, JsonValue][] = isArray ? value.map((item, index) => [String(index), item]) : Object.entries(value);
  const summary =
    entries.length === 1 ? (isArray ? labels.jsonItem : labels.jsonKey) : formatLabel(isArray ? labels.jsonItems : labels.jsonKeys, { count: entries.length });
  const [opening, closing] = isArray ? ['[', ']'] : ['{', '}'];

  if (entries.length === 0) {
    return (
      <li className="platos-json-node" data-type={isArray ? 'array' : 'object'}>
        {key}
        <span className="platos-json-value">{`${opening}${closing}`}</span>
      </li>
    );
  }

  return (
    <li className="platos-json-node" data-type={isArray ? 'array' : 'object'} data-state={open ? 'open' : 'closed'}>
      <button
        type="button"
        className="platos-json-toggle"
        aria-expanded={open}
        aria-label={name === null ? summary : `${name}, ${summary}`}
        onClick={() => setOpen(!open)}
      >
        <span className="platos-json-caret" aria-hidden="true" />
        {key}
        <span className="platos-json-bracket">{opening}</span>
        {open ? null : (
          <span className="platos-json-summary">
            {` ${summary} `}
            {closing}
          </span>
        )}
      </button>
      {open ? (
        <>
          <ul className="platos-json-children">
            {entries.slice(0, shown).map(([childName, child]) => (
              <JsonNode
                key={childName}
                name={childName}
                value={child}
                depth={depth + 1}
                labels={labels}
                openDepth={openDepth}
                pageSize={pageSize}
              />
            ))}
            {entries.length > shown ? (
              <li className="platos-json-node">
                <button type="button" className="platos-link-button platos-json-more" onClick={() => setShown(shown + pageSize)}>
                  {formatLabel(labels.jsonShowMore, { count: Math.min(pageSize, entries.length - shown) })}
                </button>
              </li>
            ) : null}
          </ul>
          <span className="platos-json-bracket">{closing}</span>
        </>
      ) : null}
    </li>
  );
}
