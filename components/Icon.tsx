import { ICONS, type IconName } from '../lib/present/icons';

/** An SVG icon (see lib/present/icons.ts); decorative: the control around it carries the words. */
export function Icon({ name, class: className = 'icon' }: { name: IconName; class?: string }) {
  const shape = ICONS[name];
  return (
    <svg viewBox="0 0 16 16" class={className} aria-hidden="true" focusable="false">
      {shape.fill ? (
        <path d={shape.d} fill="currentColor" />
      ) : (
        <path d={shape.d} fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
      )}
    </svg>
  );
}
