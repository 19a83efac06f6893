#!/usr/bin/env node
// Runs the TypeScript entry through tsx, so the CLI needs no build step.
import { tsImport } from 'tsx/esm/api';

await tsImport('../src/server/cli/admin.ts', import.meta.url);
