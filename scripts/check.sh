#!/usr/bin/env bash
# Run every check of `make test` (ruff, mypy, pytest with a coverage report and floor),
# keep going past a failure so one run reports them all,
# and exit non-zero if any failed. Usage: scripts/check.sh VENV_BIN_DIR [pytest args...]
# PYTEST_TIMEOUT (seconds, default 3600) stops a hung test run with pytest's own summary,
# well inside CI's 90 minutes, instead of letting CI kill it silently.
set -uo pipefail

bin="${1:?usage: scripts/check.sh VENV_BIN_DIR [pytest args...]}"
shift
failed=()

step() {
    local name="$1"
    shift
    echo "==> $name: $*"
    local start=$SECONDS
    "$@"
    local rc=$?
    echo "<== $name: exit $rc in $((SECONDS - start)) s"
    if [[ $rc -ne 0 ]]; then
        failed+=("$name")
    fi
}

step "ruff check" "$bin/ruff" check .
step "ruff format" "$bin/ruff" format --check .
step "mypy" "$bin/mypy"
# Coverage of the package over the whole suite, with the floor of pyproject.toml.
step "pytest" timeout --signal=INT --kill-after=60 "${PYTEST_TIMEOUT:-3600}" "$bin/pytest" \
    --cov=negotrack --cov-report=term "$@"

if [[ ${#failed[@]} -ne 0 ]]; then
    echo "FAILED: ${failed[*]}" >&2
    exit 1
fi
echo "all checks passed"
