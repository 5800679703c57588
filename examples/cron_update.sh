#!/usr/bin/env bash
# Apply queued status updates to a dossier: a cron job's half of a newsroom workflow.
#
#   examples/cron_update.sh DOSSIER QUEUE
#
# QUEUE is a tab-separated file that reporters append to, one update per line:
#
#   REF<TAB>STATUS<TAB>DATE<TAB>SOURCE<TAB>NOTE (optional)
#   20-point#14	disputed	2025-12-26	s1	Zelensky: territory still unresolved
#
# Lines starting with '#' and blank lines are ignored; a queue saved on Windows (CRLF) is
# read as written. Each update goes through
# `negotrack status set`, which locks the dossier, re-reads it, validates the change and
# replaces the file atomically, keeping a YAML file's comments. So this is safe while an
# editor works on the same dossier, or while another copy of this script runs.
# Applied lines leave the queue; a rejected line (unknown point, unknown source, a typo in
# the status) stays there for a person to fix, its error goes to stderr, and the script
# exits 1 so that cron mails the error.
#
# crontab, every 15 minutes:
#   */15 * * * * cd /srv/dossiers && ./cron_update.sh talks.yaml queue.tsv >> update.log 2>&1
set -euo pipefail

dossier=${1:?usage: cron_update.sh DOSSIER QUEUE}
queue=${2:?usage: cron_update.sh DOSSIER QUEUE}
negotrack=${NEGOTRACK:-negotrack}

[[ -s $queue ]] || exit 0

# Take the queue aside first, so lines reporters append meanwhile wait for the next run.
work=$(mktemp "${queue}.XXXXXX")
mv -- "$queue" "$work"
failed=0
kept=()
while IFS= read -r line || [[ -n $line ]]; do
    # A queue saved on Windows ends its lines with CRLF: the CR is not part of the last field.
    IFS=$'\t' read -r ref status on source note <<< "${line%$'\r'}"
    if [[ -z ${ref// /} || $ref == \#* ]]; then
        continue
    fi
    args=(status set "$dossier" "$ref" "$status" --on "$on" --source "$source" --timeout 60)
    if [[ -n ${note:-} ]]; then
        args+=(--note "$note")
    fi
    if "$negotrack" "${args[@]}"; then
        continue
    fi
    failed=1
    kept+=("$(printf '%s\t%s\t%s\t%s\t%s' "$ref" "$status" "$on" "$source" "${note:-}")")
done < "$work"

# Put rejected lines back in front of anything appended while we ran.
if ((${#kept[@]})); then
    { printf '%s\n' "${kept[@]}"; [[ -e $queue ]] && cat -- "$queue"; } > "$work.next"
    mv -- "$work.next" "$queue"
fi
rm -f -- "$work"
exit "$failed"
