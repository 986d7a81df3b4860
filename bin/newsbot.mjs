#!/usr/bin/env -S node --max-semi-space-size=2
// The `newsbot` command: runs the TypeScript CLI through tsx (no build step needed). The flag, as in
// `npm start`: a 2 MB young generation keeps a big import near 300 MB resident instead of 400+ (bench: big feed).
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
