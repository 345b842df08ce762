#!/usr/bin/env node
// Launcher for `npx crosscheck`: registers tsx so the TypeScript CLI runs from source.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
