import type { ComponentChildren } from 'preact';

/** A friendly explanation where a list would be. */
export function EmptyState({ icon, title, children }: { icon: string; title: string; children?: ComponentChildren }) {
  return (
    <div class="empty" role="status">
      <div class="empty-icon" aria-hidden="true">
        {icon}
      </div>
      <p class="empty-title">{title}</p>
      {children && <div class="empty-more">{children}</div>}
    </div>
  );
}
