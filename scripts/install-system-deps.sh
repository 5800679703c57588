#!/usr/bin/env bash
# Install what the browser tests need from Debian's packages, only when it is missing:
#   - Chromium (and a font, so pages render text) when $CHROMIUM is not executable;
#   - Node.js and npm when `node` or `npm` is not on PATH (for the JS test assets).
# Uses sudo only when not root. Never downloads a browser build of its own.
#
# Environment (for testing the branches without touching the machine):
#   CHROMIUM   path of the browser to look for   (default /usr/bin/chromium)
#   NODE       node command to look for          (default node)
#   DRY_RUN=1  print the commands instead of running them
set -euo pipefail

chromium="${CHROMIUM:-/usr/bin/chromium}"
node="${NODE:-node}"
packages=()

if [[ ! -x "$chromium" ]]; then
    echo "install-system-deps: no browser at $chromium; installing Debian's chromium" >&2
    packages+=(chromium fonts-dejavu-core)
fi
if ! command -v "$node" >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "install-system-deps: no node/npm on PATH; installing Debian's nodejs and npm" >&2
    packages+=(nodejs npm)
fi
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
