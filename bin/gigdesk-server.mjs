#!/usr/bin/env node
// Runs the TypeScript entry through tsx, so the server needs no build step.
import { tsImport } from 'tsx/esm/api';

await tsImport('../src/server/cli/server.ts', import.meta.url);
