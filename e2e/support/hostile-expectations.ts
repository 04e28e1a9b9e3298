/**
 * What the chat must show for one file of the hostile corpus (`mock-server/scenarios/hostile/NAME.json`), on top of
 * what every file is held to (no foreign request, dialog, popup or navigation, no script outside the sandbox, no CSP
 * violation of the page, no unsafe element in the chat). A file without an entry gets only those.
 */
export interface HostileExpectation {
  /** At least this many blocked-image placeholders (`.platos-image-placeholder[data-state="blocked"]`). */
  blockedImages?: number;
  /** Hosts that must each appear as a placeholder's `data-host`. */
  blockedHosts?: string[];
  /** The payloads render as text only: no placeholder and no image at all. */
  textOnly?: boolean;
  /** Text the message must contain, proof that a payload was shown as text instead of being interpreted. */
  shownAsText?: string[];
  /** Real hosts (or parts of them) the chat must reveal beside disguised links (`.platos-link-host`). */
  linkHosts?: string[];
  /** The most links (`a[href]`) the message may hold. */
  maxLinks?: number;
  /** HTML artifact frames the message ends with; each starts with scripts off and is then run once. */
  htmlFrames?: number;
  /** The turn waits on an approval whose arguments hide characters: the card warns, the test denies it. */
  approvalWithHiddenCharacters?: boolean;
}

const attacker = 'attacker.example';
const evil = 'evil.example';

export const hostileExpectations: Record<string, HostileExpectation> = {
  'markdown-image': { blockedImages: 1, blockedHosts: [attacker] },
  'markdown-image-exfil': { blockedImages: 1, blockedHosts: [attacker] },
  'markdown-image-reference': { blockedImages: 2, blockedHosts: [attacker] },
  // Blocks render on their own as they complete: a definition in a later block leaves the earlier reference as text.
  'markdown-image-reference-late': { textOnly: true, shownAsText: ['![status][late]'] },
  // Angle brackets, a title, padding and an upper-case scheme are certain images; the protocol-relative, slash-less
  // and backslashed forms may become placeholders or stay text, but never load.
  'markdown-image-destination-variants': { blockedImages: 4, blockedHosts: [attacker] },
  'markdown-image-in-table': { blockedImages: 2, blockedHosts: [attacker, evil] },
  'markdown-image-in-list': { blockedImages: 3, blockedHosts: [attacker, evil] },
  'markdown-image-in-blockquote': { blockedImages: 2, blockedHosts: [attacker, evil] },
  'markdown-image-in-heading': { blockedImages: 3, blockedHosts: [attacker, evil] },
  'markdown-image-in-link': { blockedImages: 2, blockedHosts: [attacker] },
  'markdown-image-split-delta': { blockedImages: 2, blockedHosts: [attacker, evil] },
  'markdown-image-split-chars': { blockedImages: 1, blockedHosts: [attacker] },
  'image-artifact-foreign': { blockedImages: 2, blockedHosts: [attacker, evil] },
  'image-artifact-updates': { blockedImages: 1, blockedHosts: [attacker] },
  'markdown-artifact-image': { blockedImages: 2, blockedHosts: [attacker, evil], shownAsText: ['md-raw.png'] },
  // Two SVG data URLs (blocked: placeholder or text), one https .svg (a placeholder), a mislabelled PNG (harmless).
  'svg-images': { blockedImages: 1, blockedHosts: [attacker] },
  'markdown-raw-html-srcset': { textOnly: true, shownAsText: ['srcset=', '<picture>', 'poster='] },
  'markdown-raw-html-style': { textOnly: true, shownAsText: ['image-set(', 'background:url(', '@import'] },
  'markdown-raw-html-scripts': { textOnly: true, shownAsText: ['<script>', 'onload=', 'http-equiv="refresh"'] },
  'html-artifact-location-script': { htmlFrames: 1 },
  'html-meta-refresh': { htmlFrames: 1 },
  'html-meta-refresh-variants': { htmlFrames: 6 },
  'html-artifact-base-href': { htmlFrames: 1 },
  'html-artifact-link-hints': { htmlFrames: 1 },
  'html-artifact-css-urls': { htmlFrames: 1 },
  'html-artifact-img-srcset': { htmlFrames: 1 },
  'html-artifact-form-autosubmit': { htmlFrames: 1 },
  'html-artifact-window-open': { htmlFrames: 1 },
  'html-artifact-top-location': { htmlFrames: 1 },
  'html-artifact-fetch': { htmlFrames: 1 },
  'html-artifact-split-meta-refresh': { htmlFrames: 1 },
  'html-artifact-split-script': { htmlFrames: 2 },
  'disguised-links': { linkHosts: [attacker, evil, 'bank.com.evil.example'] },
  'javascript-links': { maxLinks: 0, shownAsText: ['plain', 'mixed case'] },
  // Every image host here is foreign (look-alikes, userinfo tricks, encodings); the Cyrillic link shows its punycode.
  'idn-and-encoded-hosts': { blockedImages: 8, blockedHosts: [attacker], linkHosts: ['xn--'] },
  'tool-call-result-image': { textOnly: true, shownAsText: ['attacker.example/tool.png', 'attacker.example/error.png'] },
  'memory-image': { textOnly: true, shownAsText: ['attacker.example/mem.png'] },
  'step-run-error-labels': { textOnly: true },
  'code-and-json-artifacts': { textOnly: true, shownAsText: ['attacker.example/fence.png', 'attacker.example/codespan.png'] },
  'approval-hidden-characters': { textOnly: true, approvalWithHiddenCharacters: true },
};
