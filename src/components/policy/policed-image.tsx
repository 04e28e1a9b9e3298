import { forwardRef, useState, useSyncExternalStore, type HTMLAttributes, type MouseEvent, type Ref } from 'react';
import { useLabels } from '../chat/chat-customization.js';
import { classNames } from '../shared/class-names.js';
import { formatLabel } from '../shared/format-label.js';
import { useImageGate } from './image-gate.js';
import type { ImageOriginStore } from './image-origin-store.js';

/** Labels of PolicedImage, overridable through `<PlatosChat labels>`; `{host}` is the image's host. */
export const imageLabels = {
  imageBlocked: 'Image from {host} not loaded',
  imageUnsafe: 'Image not loaded: its address is not allowed',
  imageLoad: 'Load image',
  imageLoadFrom: 'Load image from {host}',
} as const;

export interface PolicedImageProps extends Omit<HTMLAttributes<HTMLElement>, 'children'> {
  /** The address as the model wrote it; `srcset` and `sizes` are never taken from model output. */
  src: string;
  alt: string;
}

const noSubscription = () => () => {};

function useOriginAllowed(store: ImageOriginStore | null, origin: string | null): boolean {
  return useSyncExternalStore(
    store?.subscribe ?? noSubscription,
    () => (store !== null && origin !== null ? store.has(origin) : false),
    () => false,
  );
}

/**
 * An image from model output that loads only from hosts the app allowed (`ContentPolicyProvider imagePolicy`), or
 * from an origin the user chose to load. Otherwise a placeholder that makes no request shows the alt text and the
 * host, with a "Load image" button when the policy asks; loading one image of an origin loads all of the chat's.
 * @example
 * <PolicedImage src="https://cdn.example.com/img/chart.png" alt="Chart" />
 */
export const PolicedImage = forwardRef<HTMLElement, PolicedImageProps>(function PolicedImage({ src, alt, className, ...rest }, ref) {
  const gate = useImageGate();
  const labels = useLabels(imageLabels);
  const source = gate.classify(src);
  const origin = source.verdict === 'blocked' ? source.origin : null;
  const originAllowed = useOriginAllowed(gate.origins, origin);
  // Outside a provider there is no shared store: the click loads this image alone.
  const [loadedHere, setLoadedHere] = useState<string | null>(null);

  if (source.verdict === 'allowed' || (source.verdict === 'blocked' && (originAllowed || loadedHere === source.origin))) {
    return (
      <img
        {...rest}
        ref={ref as Ref<HTMLImageElement>}
        className={className}
        src={source.src}
        alt={alt}
        referrerPolicy="no-referrer"
        loading="lazy"
        decoding="async"
      />
    );
  }

  const load = (event: MouseEvent<HTMLButtonElement>) => {
    // The placeholder may sit inside a link: loading the image must not follow it.
    event.preventDefault();
    event.stopPropagation();
    if (source.verdict !== 'blocked') return;
    if (gate.origins) gate.origins.allow(source.origin);
    else setLoadedHere(source.origin);
  };

  return (
    <span
      {...rest}
      ref={ref as Ref<HTMLSpanElement>}
      className={classNames('platos-image-placeholder', className)}
      data-state={source.verdict}
      data-host={source.verdict === 'blocked' ? source.host : undefined}
    >
      {alt ? <span className="platos-image-placeholder-alt">{alt}</span> : null}
      <span className="platos-image-placeholder-note">
        {source.verdict === 'blocked' ? formatLabel(labels.imageBlocked, { host: source.host }) : labels.imageUnsafe}
      </span>
      {source.verdict === 'blocked' && gate.blocked === 'ask' ? (
        <button
          type="button"
          className="platos-link-button platos-image-placeholder-load"
          aria-label={formatLabel(labels.imageLoadFrom, { host: source.host })}
          onClick={load}
        >
          {labels.imageLoad}
        </button>
      ) : null}
    </span>
  );
});
