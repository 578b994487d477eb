#!/usr/bin/env bash
# Renders the main screens to PNG with the game's own -screenshot flag.
# Usage: bash cmd/keyholder/screenshots.sh OUTDIR
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:?usage: screenshots.sh OUTDIR}
mkdir -p "$out"
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" bash "$0" "$@"
fi
bin=$(mktemp -d)/keyholder
go build -o "$bin" ./cmd/keyholder
s=cmd/keyholder/scripts
shot() { local name=$1; shift; "$bin" -save off -seed 2017 -screenshot "$out/$name.png" "$@"; }
shot title -frames 20
shot briefing -script <(printf 'wait 30\nkey enter\nwait 10\nkey enter\nwait 20\n')
shot room -script $s/room.txt
shot turn -script $s/turn.txt
shot why -script $s/why.txt
shot source -script $s/source.txt
shot debrief -script $s/debrief.txt
shot room-960x540-largest -script $s/room.txt -size 960x540 -textsize largest
shot room-contrast -script $s/room.txt -contrast
ls -1 "$out"
