/** Labels of the JSON tree, overridable through `<PlatosChat labels>`. */
export const jsonTreeLabels = {
  jsonTree: 'JSON',
  jsonItem: '1 item',
  jsonItems: '{count} items',
  jsonKey: '1 key',
  jsonKeys: '{count} keys',
  jsonShowMore: 'Show {count} more',
} as const;

export type JsonTreeLabels = Readonly<Record<keyof typeof jsonTreeLabels, string>>;
