import type { ComponentChildren } from 'preact';
import type { IconName } from '../lib/present/icons';
import { Icon } from './Icon';

/** A friendly explanation where a list would be. */
export function EmptyState({ icon, title, children }: { icon: IconName; title: string; children?: ComponentChildren }) {
  return (
    <div class="empty" role="status">
      <div class={`empty-icon ${icon}`}>
        <Icon name={icon} />
      </div>
      <p class="empty-title">{title}</p>
      {children && <div class="empty-more">{children}</div>}
    </div>
  );
}
