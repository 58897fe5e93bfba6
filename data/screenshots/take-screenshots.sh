#!/bin/sh
# Takes the screenshots in this folder: each page of a realistic assessment, in the light and
# the dark style, under a virtual display. Run from the source tree after building:
#   data/screenshots/take-screenshots.sh [BUILDDIR]
# In another language: LANGUAGE=de data/screenshots/take-screenshots.sh (into this folder too).
# The window looks as on a GNOME desktop when Cantarell (fonts-cantarell) is installed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
exec xvfb-run -a -s "-screen 0 1600x1000x24" \
  env GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory GSK_RENDERER=cairo \
      GTK_A11Y=none LC_ALL=C.UTF-8 LANGUAGE="${LANGUAGE:-}" CREPITUS_LOCALEDIR="$build/po" \
  "$build/tests/take-screenshots" "$here"
