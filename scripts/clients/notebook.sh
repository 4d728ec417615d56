#!/usr/bin/env bash
# Executes examples/notebook.ipynb headless with a real Jupyter kernel and
# checks the result: installs Debian's Jupyter (nbconvert, jupyter-client,
# ipykernel) if /usr/bin/python3 lacks them, Deno from its pinned npm package
# into .runtimes/ (as runtimes-smoke.sh does), registers Deno's kernel with
# `deno jupyter --install` in a temporary data folder (nothing global),
# executes it with scripts/clients/run-notebook.py (Jupyter's client library;
# why not nbconvert --execute is said there), then
# scripts/clients/check-notebook.mjs on the executed copy. Needs
# `npm run build` first. NOTEBOOK_OUT=path.ipynb keeps the executed copy.
set -euo pipefail
cd "$(dirname "$0")/../.."
DENO_VERSION=2.9.6
BUN_VERSION=1.4.4
py=/usr/bin/python3
if ! "$py" -c 'import nbconvert, jupyter_client, ipykernel' 2> /dev/null; then
  echo 'installing Jupyter (Debian packages)'
  apt-get update > /dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y jupyter-nbconvert jupyter-client python3-ipykernel > /dev/null
fi
rt=.runtimes
if [ ! -x "$rt/node_modules/.bin/deno" ]; then
  # The same pinned pair as runtimes-smoke.sh, in one install, so that neither
  # script's install removes the other's runtime.
  mkdir -p "$rt"
  [ -f "$rt/package.json" ] || echo '{"name": "lepton-sched-runtimes", "private": true}' > "$rt/package.json"
  (cd "$rt" && npm install --no-audit --no-fund --no-save "deno@$DENO_VERSION" "bun@$BUN_VERSION" > /dev/null)
fi
deno="$PWD/$rt/node_modules/.bin/deno"
[ -f dist/index.js ] || { echo 'dist/index.js is missing: run npm run build first'; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Deno writes its kernelspec under the user data folder; point that (and
# Deno's cache) at the temp folder, and tell Jupyter to look there.
# (PYDEVD_DISABLE_FILE_VALIDATION quiets a debugger warning from Debian's ipykernel.)
export PYDEVD_DISABLE_FILE_VALIDATION=1
export HOME="$work/home" XDG_DATA_HOME="$work/data" DENO_DIR="$work/deno-cache" JUPYTER_DATA_DIR="$work/data/jupyter"
mkdir -p "$HOME" "$XDG_DATA_HOME"
"$deno" jupyter --install > /dev/null
spec=$(find "$work" -path '*/kernels/deno/kernel.json' | head -n 1)
[ -n "$spec" ] || { echo 'deno jupyter --install wrote no kernelspec under the temp folder'; exit 1; }
export JUPYTER_PATH="$(dirname "$(dirname "$(dirname "$spec")")")"
echo "$("$deno" --version | head -n 1); jupyter_client $("$py" -c 'import jupyter_client; print(jupyter_client.__version__)'); kernel $(dirname "$spec")"
"$py" -m jupyter kernelspec list > "$work/kernels.txt"
grep -q '^ *deno ' "$work/kernels.txt" || { cat "$work/kernels.txt"; echo 'Jupyter does not see the deno kernel'; exit 1; }

# Executed by run-notebook.py (jupyter_client, as nbconvert uses) rather than
# `jupyter nbconvert --execute`, which loses outputs that Deno's kernel sends
# after its idle status (see that file).
"$py" scripts/clients/run-notebook.py deno examples/notebook.ipynb "$work/executed.ipynb"
if [ -n "${NOTEBOOK_OUT:-}" ]; then cp "$work/executed.ipynb" "$NOTEBOOK_OUT"; echo "executed notebook: $NOTEBOOK_OUT"; fi
node scripts/clients/check-notebook.mjs "$work/executed.ipynb"
