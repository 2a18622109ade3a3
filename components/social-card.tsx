// The 1200×630 picture shared links show for an article without a cover. Drawn by satori (next/og), which
// understands inline styles and flexbox only, so no Tailwind classes here.
import type { CardText } from '@/lib/social-card';
import { CARD_FONT_FAMILY, titleFontSize } from '@/lib/social-card';

// The site's palette in hex (satori does not read oklch): zinc-950 page, zinc-400 muted, accent-400/600.
const COLORS = { page: '#09090b', ink: '#f4f4f5', muted: '#a1a1aa', accent: '#7c8cf8', accentDeep: '#4350d0', pill: '#1e1b4b' };

export function SocialCard({ siteName, title, date, tags }: CardText) {
  return (
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: '64px 72px',
        background: COLORS.page,
        backgroundImage: `linear-gradient(135deg, ${COLORS.page} 55%, ${COLORS.pill} 100%)`,
        color: COLORS.ink,
        fontFamily: CARD_FONT_FAMILY,
        borderLeft: `16px solid ${COLORS.accentDeep}`,
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 18, fontSize: 34, fontWeight: 700 }}>
        <div style={{ width: 22, height: 22, borderRadius: 4, background: COLORS.accent, transform: 'rotate(45deg)' }} />
        {siteName}
      </div>
      <div style={{ display: 'flex', fontSize: titleFontSize(title), fontWeight: 700, lineHeight: 1.12, letterSpacing: -1.5 }}>
        {title}
      </div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, fontSize: 28, color: COLORS.muted }}>
        <div style={{ display: 'flex' }}>{date}</div>
        {tags.map((tag) => (
          <div
            key={tag}
            style={{ display: 'flex', padding: '6px 18px', borderRadius: 999, background: COLORS.pill, color: '#c7d2fe', fontSize: 24 }}
          >
            {tag}
          </div>
        ))}
      </div>
    </div>
  );
}
