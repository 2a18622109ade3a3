import coreWebVitals from 'eslint-config-next/core-web-vitals';
import typescript from 'eslint-config-next/typescript';

const config = [
  ...coreWebVitals,
  ...typescript,
  // Playwright fixtures receive a callback named `use`, which the React hooks rule mistakes for React's `use`.
  { files: ['e2e/**'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
  { ignores: ['.next/**', 'out/**', 'node_modules/**', 'public/pagefind/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', '.bench/**', 'reports/**'] },
];

export default config;
