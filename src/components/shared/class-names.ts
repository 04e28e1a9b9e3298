/** Joins the part's own class with the one a caller passed. */
export function classNames(own: string, given: string | undefined): string {
  return given ? `${own} ${given}` : own;
}
