import type { EntityLabel } from '../types/api';
import { LABEL_GLYPHS, type GlyphShape } from '../lib/labels/label-icons';
import { LABEL_COLOURS, LABEL_NAMES } from '../lib/labels/label-style';
import './label-icon.css';

function Shape({ shape }: { shape: GlyphShape }) {
  switch (shape.kind) {
    case 'path':
      return <path d={shape.d} />;
    case 'circle':
      return <circle cx={shape.cx} cy={shape.cy} r={shape.r} />;
    case 'rect':
      return <rect x={shape.x} y={shape.y} width={shape.width} height={shape.height} rx={shape.rx} />;
  }
}

export function LabelGlyph({ label, size = 14 }: { label: EntityLabel; size?: number }) {
  return (
    <svg
      className="label-glyph"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {LABEL_GLYPHS[label].map((shape, i) => (
        <Shape key={i} shape={shape} />
      ))}
    </svg>
  );
}

/** The label's colour disc with its glyph, as on the canvas. */
export function LabelIcon({ label, size = 22 }: { label: EntityLabel; size?: number }) {
  return (
    <span
      className="label-icon"
      style={{ backgroundColor: LABEL_COLOURS[label], width: size, height: size }}
      title={LABEL_NAMES[label]}
      data-label={label}
    >
      <LabelGlyph label={label} size={Math.round(size * 0.62)} />
    </span>
  );
}

/** Small coloured chip naming the label. */
export function LabelBadge({ label }: { label: EntityLabel }) {
  return (
    <span className="label-badge" style={{ color: LABEL_COLOURS[label], borderColor: LABEL_COLOURS[label] }} data-label={label}>
      {LABEL_NAMES[label]}
    </span>
  );
}
