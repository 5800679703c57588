#!/usr/bin/env bash
# Install from Debian's packages what `make` needs and the machine lacks, and nothing else:
#   browser  Chromium (and a font, so pages render text) when $CHROMIUM is not executable
#   node     Node.js and npm when `node` or `npm` is not on PATH (the JS test assets)
#   venv     python3-venv when $PYTHON cannot create a virtualenv (Debian's system Python)
# Usage: scripts/install-system-deps.sh [browser] [node] [venv]   (default: browser node)
# Uses sudo only when not root. Never downloads a browser build of its own.
#
# Environment (also for trying the branches without touching the machine):
#   CHROMIUM   path of the browser to look for   (default /usr/bin/chromium)
#   NODE       node command to look for          (default node)
#   PYTHON     interpreter that makes the venv   (default python3)
#   DRY_RUN=1  print the commands instead of running them
set -euo pipefail

chromium="${CHROMIUM:-/usr/bin/chromium}"
node="${NODE:-node}"
python="${PYTHON:-python3}"
packages=()

wanted=("$@")
if [[ ${#wanted[@]} -eq 0 ]]; then
    wanted=(browser node)
fi
for what in "${wanted[@]}"; do
    case "$what" in
    browser)
        if [[ ! -x "$chromium" ]]; then
            echo "install-system-deps: no browser at $chromium; installing Debian's chromium" >&2
            packages+=(chromium fonts-dejavu-core)
        fi
        ;;
    node)
        if ! command -v "$node" >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
            echo "install-system-deps: no node/npm on PATH; installing Debian's nodejs, npm" >&2
            packages+=(nodejs npm)
        fi
        ;;
    venv)
        if ! "$python" -c "import ensurepip, venv" >/dev/null 2>&1; then
            echo "install-system-deps: $python cannot make a venv; installing python3-venv" >&2
            packages+=(python3-venv)
        fi
        ;;
    *)
        echo "install-system-deps: unknown item '$what' (expected browser, node or venv)" >&2
        exit 2
        ;;
    esac
done
if [[ ${#packages[@]} -eq 0 ]]; then
    exit 0
fi

sudo=()
if [[ "$(id -u)" != 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1 && [[ "${DRY_RUN:-}" != 1 ]]; then
        echo "install-system-deps: need root or sudo to install: ${packages[*]}" >&2
        exit 1
    fi
    sudo=(sudo)
fi
run() {
    if [[ "${DRY_RUN:-}" == 1 ]]; then
        echo "+ $*"
    else
        "$@"
    fi
}
run "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
run "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${packages[@]}"

if [[ "${DRY_RUN:-}" != 1 && ! -x "$chromium" && " ${packages[*]} " == *" chromium "* ]]; then
    echo "install-system-deps: chromium was installed but $chromium is still missing" >&2
    exit 1
fi
