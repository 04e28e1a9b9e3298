import { forwardRef, useCallback, useId, useMemo, useRef, useState, type ComponentPropsWithoutRef, type MouseEvent } from 'react';
import { classNames } from '../shared/class-names.js';
import { useContentPolicy, type LinkPolicy } from './content-policy.js';
import { LinkConfirm } from './link-confirm.js';
import { readLinkTarget } from './link-target.js';

export interface SafeLinkProps extends Omit<ComponentPropsWithoutRef<'a'>, 'href' | 'target' | 'rel' | 'referrerPolicy'> {
  /** The address as the model wrote it; only http(s) and mailto become a link. */
  href: string;
  /** The link's text as plain text, to tell whether it names the host it goes to. @default '' */
  text?: string;
}

function asksFirst(url: URL, confirm: LinkPolicy['confirm'] = 'never'): boolean {
  if (confirm === 'never') return false;
  if (confirm === 'external') return url.protocol === 'mailto:' || typeof location === 'undefined' || url.origin !== location.origin;
  return confirm(new URL(url.href)) === true;
}

/**
 * A link from model output. Only http(s) and mailto addresses become links (opening in a new tab, with no referrer);
 * anything else renders its text alone. When the text does not name the host the link goes to, the real host is
 * shown after it (`.platos-link-host`) and describes the link. With `LinkPolicy.confirm` a click first asks inline.
 * @example
 * <SafeLink href="https://evil.example" text="bank.com">bank.com</SafeLink>
 */
export const SafeLink = forwardRef<HTMLAnchorElement, SafeLinkProps>(function SafeLink(
  { href, text = '', children, className, onClick, onAuxClick, ...rest },
  ref,
) {
  const { links } = useContentPolicy();
  const hostId = useId();
  const [confirming, setConfirming] = useState(false);
  const anchorRef = useRef<HTMLAnchorElement | null>(null);
  const setAnchor = useCallback(
    (node: HTMLAnchorElement | null) => {
      anchorRef.current = node;
      if (typeof ref === 'function') ref(node);
      else if (ref) ref.current = node;
    },
    [ref],
  );
  const target = useMemo(() => readLinkTarget(href, text), [href, text]);
  if (target === null) return <span className={className}>{children}</span>;

  const asks = asksFirst(target.url, links.confirm);
  const ask = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || !asks) return;
    event.preventDefault();
    setConfirming(true);
  };
  const close = () => {
    setConfirming(false);
    anchorRef.current?.focus();
  };

  return (
    <>
      <a
        {...rest}
        ref={setAnchor}
        className={classNames('platos-link', className)}
        href={target.url.href}
        target="_blank"
        rel="noopener noreferrer nofollow"
        referrerPolicy="no-referrer"
        title={target.url.href}
        aria-describedby={target.textNamesTarget ? undefined : hostId}
        data-state={asks ? (confirming ? 'open' : 'closed') : undefined}
        onClick={(event) => {
          onClick?.(event);
          ask(event);
        }}
        onAuxClick={(event) => {
          onAuxClick?.(event);
          // A middle click opens a tab without a click event.
          if (event.button === 1) ask(event);
        }}
      >
        {children}
      </a>
      {target.textNamesTarget ? null : (
        <span id={hostId} className="platos-link-host" dir="ltr">
          {target.shown}
        </span>
      )}
      {confirming ? (
        <LinkConfirm
          url={target.url}
          onOpen={() => {
            window.open(target.url.href, '_blank', 'noopener,noreferrer');
            close();
          }}
          onCancel={close}
        />
      ) : null}
    </>
  );
});
