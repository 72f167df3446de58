// graphql-codegen config: typed documents for the console's operations, generated from the
// committed SDL. Run from console/ (`npm run codegen -w console`); every path below is
// resolved from this file's own folder so the working directory does not matter.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { CodegenConfig } from '@graphql-codegen/cli';

const schemaDir = dirname(fileURLToPath(import.meta.url));
const consoleDir = resolve(schemaDir, '../console');

const config: CodegenConfig = {
  schema: resolve(schemaDir, 'schema.graphql'),
  documents: [resolve(consoleDir, 'src/**/*.graphql')],
  // A missing or misspelt operation must break the build, not yield an empty module.
  ignoreNoDocuments: false,
  generates: {
    [`${resolve(consoleDir, 'src/app/graphql/generated')}/`]: {
      preset: 'client',
      presetConfig: {
        // No fragments are shared between components yet; masking would only add noise.
        fragmentMasking: false,
      },
      config: {
        // String unions instead of TS enums: erasable syntax, safe under isolatedModules.
        enumsAsTypes: true,
        useTypeImports: true,
        // Apollo adds `__typename` to every selection but the root at run time; so do the types.
        nonOptionalTypename: true,
        skipTypeNameForRoot: true,
        strictScalars: true,
        scalars: { ID: 'string', DateTimeISO: 'string', Upload: 'File' },
      },
    },
  },
};

// graphql-codegen reads its config from the default export; a named one is ignored.
export default config;
