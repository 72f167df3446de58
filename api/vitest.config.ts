import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// SWC compiles the sources so that TypeGraphQL and TypeORM get their decorator metadata,
// which vitest's default esbuild transform drops.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: {
    // Node loads graphql 16 from its CommonJS build (the package has no exports map), and so do
    // Apollo and TypeGraphQL; vite would hand test files the ESM build instead, and two copies
    // of GraphQLError break the `instanceof` checks at the error edge.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // `*.mysql.test.ts` are about several API processes sharing one MySQL server; the embedded
    // SQLite database serves one process by design, so they belong to the MariaDB pass only.
    exclude: process.env['KALIBER_TEST_DATABASE'] === 'mysql' ? [] : ['test/**/*.mysql.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
