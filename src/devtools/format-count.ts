/**
 * `100000` as `100,000`. Not `toLocaleString`: its first call sets up Intl's number formatting, about 60 ms on the
 * frame that opens the panel.
 */
export function formatCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
