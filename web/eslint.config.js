// @ts-check
import js from '@eslint/js';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// SECURITY.md WEB-5: no token or other state in Web Storage, no raw HTML. WEB-3: the CSP has no
// style-src exception, so no inline style attributes either.
const storageMessage =
  'Web Storage is forbidden (SECURITY.md WEB-5): keep secrets in memory; the session lives in an HttpOnly cookie.';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...react.configs.flat.recommended,
    ...react.configs.flat['jsx-runtime'],
    languageOptions: {
      ...react.configs.flat.recommended.languageOptions,
      globals: globals.browser,
    },
    settings: { react: { version: '18.3' } },
    plugins: { react, 'react-hooks': reactHooks },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat['jsx-runtime'].rules,
      ...reactHooks.configs.flat.recommended.rules,
      'react/no-danger': 'error',
      'react/no-danger-with-children': 'error',
      'react/forbid-dom-props': [
        'error',
        {
          forbid: [
            {
              propName: 'style',
              message: 'Inline styles are refused by the Content-Security-Policy; use a CSS class.',
            },
          ],
        },
      ],
      'react/jsx-no-script-url': 'error',
      'react/jsx-no-target-blank': 'error',
      'react/prop-types': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'localStorage', message: storageMessage },
        { name: 'sessionStorage', message: storageMessage },
      ],
      'no-restricted-properties': [
        'error',
        { property: 'localStorage', message: storageMessage },
        { property: 'sessionStorage', message: storageMessage },
        {
          object: 'document',
          property: 'cookie',
          message: 'The session cookie is HttpOnly; do not read or write cookies from script.',
        },
        { property: 'innerHTML', message: 'Raw HTML is forbidden (WEB-5); render with React.' },
        { property: 'outerHTML', message: 'Raw HTML is forbidden (WEB-5); render with React.' },
        {
          property: 'insertAdjacentHTML',
          message: 'Raw HTML is forbidden (WEB-5); render with React.',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message:
            'dangerouslySetInnerHTML is forbidden (WEB-5); AI narratives go through the DOMPurify renderer.',
        },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
    },
  },
);
