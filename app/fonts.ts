// Fonts ship with the site (no font CDN at build or read time); both are variable, one file each.
import localFont from 'next/font/local';

export const inter = localFont({
  src: [
    { path: './fonts/inter-latin-wght-normal.woff2', style: 'normal', weight: '100 900' },
    { path: './fonts/inter-latin-wght-italic.woff2', style: 'italic', weight: '100 900' },
  ],
  variable: '--font-inter',
  display: 'swap',
});

export const serif = localFont({
  src: './fonts/source-serif-4-latin-wght-normal.woff2',
  weight: '200 900',
  variable: '--font-serif-display',
  display: 'swap',
});
