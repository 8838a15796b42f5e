// One type-aware lint configuration for the whole workspace.
import js from '@eslint/js';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      'e2e/test-results/**',
      'e2e/playwright-report/**',
      '.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.config.ts', '.ci/*.js'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX },
    // Never parse dependencies for import rules: only our own modules can form cycles.
    settings: { 'import-x/ignore': ['node_modules'] },
    rules: {
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-default-export': 'error',
      'import-x/no-duplicates': 'error',
    },
  },
  {
    // apps/web: browser code; features do not import each other (app/ composes them), and the
    // shared layers (lib/, components/) import no feature and no app code.
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            'accounts',
            'audit',
            'gateways',
            'ipsec-server',
            'session',
            'ssl-vpn-server',
            'vpn-connection',
          ]
            .map((feature) => ({
              target: `./apps/web/src/features/${feature}`,
              from: './apps/web/src/features',
              except: [`./${feature}`],
              message: 'Features do not import each other; compose them in src/app.',
            }))
            .concat([
              {
                target: ['./apps/web/src/lib', './apps/web/src/components'],
                from: ['./apps/web/src/features', './apps/web/src/app'],
                message:
                  'lib/ and components/ are shared layers: they import no feature or app code.',
              },
            ]),
        },
      ],
    },
  },
  {
    // The Rules of React (hooks called unconditionally, effect dependencies, no refs read or
    // written during render, …), the React Compiler's checks included.
    files: ['apps/web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // Resolving 'vite' / '@vitejs/plugin-react' for the cycle check crashes import-x's legacy
    // resolver; a tool config file cannot be part of an import cycle anyway.
    files: ['apps/web/*.config.ts'],
    rules: { 'import-x/no-cycle': 'off' },
  },
  {
    // Tool configuration files must default-export by convention.
    files: ['**/*.config.{js,ts}', 'eslint.config.js'],
    rules: { 'import-x/no-default-export': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
