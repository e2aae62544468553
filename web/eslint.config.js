// ESLint for the web app: `npm run lint`, which `npm run build` runs first.
//
// typescript-eslint's plain `recommended`, not the type-aware `recommendedTypeChecked`: type
// information makes the run about four times as long on a 2-core machine (~90 s), and
// `npm run typecheck` checks the types.
// Of eslint-plugin-react-hooks only the two rules of hooks: its v7 `recommended` preset also turns
// on the React Compiler's diagnostics, which fit a build with the compiler (this one has none) and
// take most of the run's time.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Build output, dependencies and the types generated from api/openapi.yaml.
  globalIgnores(['dist/', 'node_modules/', 'src/api/schema.d.ts']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `const { gone, ...rest } = value` drops a property; tsc's noUnusedLocals allows it too.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // The app, in the browser.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The build scripts and this config, in Node.
    files: ['scripts/**/*.mjs', 'vite.config.ts', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
  },
);
