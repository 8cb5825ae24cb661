// The layering of src/, checked by `npm test` (npm run lint:deps). Data flows one way:
// source → load → check → pipeline → consumers (org, infra and plan, approvals; later costs, audit) → cli.
/** @type {import('dependency-cruiser').IConfiguration} */
const layer = (name, mayUse) => ({
  name: `${name}-uses-only-${mayUse.join('-') || 'nothing'}`,
  comment: `src/${name}/ may import only from ${mayUse.length ? mayUse.map((m) => `src/${m}/`).join(', ') : 'no other folder of src/'}.`,
  severity: 'error',
  from: { path: `^src/${name}/`, pathNot: '\\.test\\.ts$' },
  to: { path: '^src/', pathNot: [`^src/${name}/`, ...mayUse.map((m) => `^src/${m}/`)] },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles anywhere in src/.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    layer('findings', []),
    layer('source', []),
    layer('schema', []),
    layer('model', ['findings', 'schema']),
    layer('load', ['findings', 'source', 'schema', 'model']),
    layer('check', ['findings', 'schema', 'model', 'load', 'costs']),
    layer('org', ['findings', 'model']),
    layer('docs', ['schema']),
    layer('init', []),
    layer('approvals', ['findings', 'schema', 'model']),
    layer('costs', ['findings', 'model']),
    {
      name: 'infra-uses-only-model',
      comment: 'src/infra/ (the Pulumi program) builds resources from the checked model; only its entry point (main.ts) loads the data, through the pipeline.',
      severity: 'error',
      from: { path: '^src/infra/', pathNot: ['\\.test\\.ts$', '^src/infra/main\\.ts$'] },
      to: { path: '^src/', pathNot: ['^src/infra/', '^src/model/'] },
    },
    {
      name: 'plan-uses-only-infra-and-model',
      comment: 'src/plan/ runs the program under mocks: it knows the program, the model and the escaping of output.',
      severity: 'error',
      from: { path: '^src/plan/', pathNot: '\\.test\\.ts$' },
      to: {
        path: '^src/',
        pathNot: ['^src/plan/', '^src/infra/(design|program|names)\\.ts$', '^src/infra/components/', '^src/model/', '^src/findings/(escape|finding)\\.ts$'],
      },
    },
    {
      name: 'github-uses-only-snapshot-types',
      comment: 'src/github/ talks to GitHub and knows of the rest only the snapshot it fills.',
      severity: 'error',
      from: { path: '^src/github/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/', pathNot: ['^src/github/', '^src/approvals/snapshot\\.ts$'] },
    },
    {
      name: 'github-imports-snapshot-as-types',
      severity: 'error',
      from: { path: '^src/github/' },
      to: { path: '^src/approvals/snapshot\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'pipeline-below-consumers',
      comment: 'src/pipeline.ts is the gate: it may use the layers below it, never a consumer or the CLI.',
      severity: 'error',
      from: { path: '^src/pipeline\\.ts$' },
      to: { path: '^src/(cli|org|docs|init|approvals|github|infra|plan|costs|audit|gate)/' },
    },
    {
      name: 'nothing-imports-the-cli',
      comment: 'The CLI is the top: no library module imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'commands-do-not-import-main',
      comment: 'Commands and formats are used by cli/main.ts, never the other way round.',
      severity: 'error',
      from: { path: '^src/cli/(commands|format)/' },
      to: { path: '^src/cli/main\\.ts$' },
    },
    {
      name: 'library-does-not-import-tests',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { path: '(\\.test\\.ts$|^test/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|generated)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
