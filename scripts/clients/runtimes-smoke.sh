#!/usr/bin/env bash
# The core import under Deno and Bun (their npm packages ship the binaries):
# installs the pinned versions into .runtimes/ (ignored by git), then imports
# the ESM build with each and checks a few values. Needs `npm run build` first.
set -euo pipefail
cd "$(dirname "$0")/../.."
DENO_VERSION=2.9.6
BUN_VERSION=1.4.4
rt=.runtimes
if [ ! -x "$rt/node_modules/.bin/deno" ] || [ ! -x "$rt/node_modules/.bin/bun" ]; then
  mkdir -p "$rt"
  [ -f "$rt/package.json" ] || echo '{"name": "lepton-sched-runtimes", "private": true}' > "$rt/package.json"
  (cd "$rt" && npm install --no-audit --no-fund --no-save "deno@$DENO_VERSION" "bun@$BUN_VERSION" > /dev/null)
fi
check='
import { priorities, solve, scheduleToSvg, workedExample, workedExampleProblem, InputRangeError } from "./dist/index.js";
const p = Array.from(priorities(workedExample.tasks)).join();
if (p !== "60,30,30,32,1") throw new Error("priorities " + p);
const s = solve(workedExampleProblem(30), { strategy: "min-min" });
if (s.makespan !== 80 || s.assignment.join() !== "0,1,2,0,3") throw new Error("solve " + s.makespan);
if (!scheduleToSvg(s.schedule).startsWith("<svg")) throw new Error("svg");
let typed = false;
try { priorities([{ importance: NaN, urgency: 1, satisfaction: 1 }]); } catch (e) { typed = e instanceof InputRangeError; }
if (!typed) throw new Error("error class");
console.log("ok: priorities, solve (makespan 80), SVG, typed errors");
'
printf '%s\n' "$check" > ./.runtime-check.mjs
trap 'rm -f ./.runtime-check.mjs' EXIT
echo "deno $("$rt/node_modules/.bin/deno" --version | head -n 1 | cut -d' ' -f2): $("$rt/node_modules/.bin/deno" run --allow-read --no-prompt ./.runtime-check.mjs)"
echo "bun $("$rt/node_modules/.bin/bun" --version): $("$rt/node_modules/.bin/bun" ./.runtime-check.mjs)"
