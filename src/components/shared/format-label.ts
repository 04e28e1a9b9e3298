/** Fills `{name}` placeholders of a label template: `formatLabel('v{shown} of {total}', { shown: 2, total: 3 })`. */
export function formatLabel(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in values ? String(values[name]) : placeholder));
}
