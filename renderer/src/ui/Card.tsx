import type { ComponentProps, ReactNode } from 'react';

type Tone = 'plain' | 'primary' | 'warning' | 'danger' | 'info' | 'accent' | 'sunken';

/** The background and border of a card, by what it holds. */
const CARD_TONES: Readonly<Record<Tone, string>> = {
  plain: 'bg-surface shadow-sm',
  sunken: 'border border-border-soft bg-surface-muted',
  primary: 'border border-primary-line bg-primary-soft',
  warning: 'border border-warning-edge bg-warning-soft',
  danger: 'border border-danger-line bg-danger-soft',
  info: 'border-2 border-info-edge bg-info-soft/40',
  accent: 'border border-accent-line bg-accent-soft/40',
};

interface CardProps extends ComponentProps<'section'> {
  readonly tone?: Tone;
  /** Tighter padding, for a card inside a card. */
  readonly compact?: boolean;
}

/** A block of a screen: white on the canvas, or tinted when it asks for attention. */
export function Card({ tone = 'plain', compact = false, className = '', ...rest }: CardProps) {
  return <section {...rest} className={`grid content-start rounded-lg ${compact ? 'gap-3 p-4' : 'gap-4 p-card'} ${CARD_TONES[tone]} ${className}`} />;
}

interface PanelProps extends Omit<CardProps, 'title'> {
  readonly title: ReactNode;
  /** `data-testid` of the panel, for tests. */
  readonly testId?: string;
  /** Shown at the right of the title (a count, a refresh button). */
  readonly actions?: ReactNode;
}

/** A titled card: the unit screens are composed of (科室, 用户, 同步记录 …). */
export function Panel({ title, testId, actions, children, ...rest }: PanelProps) {
  return (
    <Card data-testid={testId} {...rest}>
      <div className="flex items-baseline gap-4">
        <h2 className="text-lg font-semibold">{title}</h2>
        {actions && <div className="ml-auto flex items-center gap-3">{actions}</div>}
      </div>
      {children}
    </Card>
  );
}
