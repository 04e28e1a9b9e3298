/** Saves `value` as a JSON file through a temporary link to a blob (no network, nothing a CSP blocks). */
export function downloadJson(fileName: string, value: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: some browsers start reading the blob a task later.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
