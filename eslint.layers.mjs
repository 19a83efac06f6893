/**
 * Who may import whom (../shared/DESIGN.md, "Layers"), as one folder → forbidden-imports map.
 * Each entry becomes a `no-restricted-imports` rule for that folder, so a wrong import fails lint.
 */
const node = { group: ['node:*'], message: 'Platform code: not allowed in this layer.' };
const electron = {
  group: ['electron', 'electron/*'],
  message: 'Only src/main and src/preload may import electron.',
};
const react = {
  group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
  message: 'React belongs to src/renderer.',
};
const layer = (name) => ({
  group: [`**/${name}`, `**/${name}/**`, `src/${name}/**`],
  message: `This layer must not import src/${name}.`,
});
const nodeBuiltins = {
  group: [
    'fs',
    'path',
    'os',
    'child_process',
    'crypto',
    'http',
    'https',
    'net',
    'worker_threads',
    'url',
  ],
  message: 'Platform code: not allowed in this layer.',
};

export const layers = {
  'src/shared': [
    node,
    nodeBuiltins,
    electron,
    react,
    layer('core'),
    layer('main'),
    layer('preload'),
    layer('renderer'),
    layer('server'),
  ],
  'src/core': [
    electron,
    react,
    layer('main'),
    layer('preload'),
    layer('renderer'),
    layer('server'),
  ],
  'src/main': [
    react,
    layer('renderer'),
    layer('preload'),
    {
      group: ['**/server/*/**', 'src/server/*/**'],
      message: 'Start the server through src/server/index.ts (startServer) only.',
    },
  ],
  'src/preload': [
    node,
    nodeBuiltins,
    react,
    layer('core'),
    layer('main'),
    layer('renderer'),
    layer('server'),
  ],
  'src/renderer': [
    node,
    nodeBuiltins,
    electron,
    layer('core'),
    layer('main'),
    layer('preload'),
    layer('server'),
  ],
  'src/server': [
    electron,
    react,
    layer('core'),
    layer('main'),
    layer('preload'),
    layer('renderer'),
  ],
};

export const layerRules = Object.entries(layers).map(([folder, patterns]) => ({
  files: [`${folder}/**/*.{ts,tsx,mts}`],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      { patterns: patterns.map((p) => ({ ...p, allowTypeImports: false })) },
    ],
  },
}));
