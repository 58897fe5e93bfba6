#!/bin/sh
# Every source file with translatable strings is listed in po/POTFILES.in, and every listed
# file exists: a string missing from the template never reaches translators.
srcdir=${1:?usage: check-potfiles.sh SOURCE_DIR}
cd "$srcdir" || exit 1
status=0
for f in $(grep -lE '(^|[^A-Za-z_])(N?_|C_|NC_|[RT]N?_|g_dngettext)\(' src --include='*.c' -r) \
         $(grep -l 'translatable="yes"' ui/*.ui 2>/dev/null); do
  grep -qx "$f" po/POTFILES.in || { echo "not in po/POTFILES.in: $f"; status=1; }
done
for f in $(grep -v '^#' po/POTFILES.in); do
  [ -f "$f" ] || { echo "listed in po/POTFILES.in but missing: $f"; status=1; }
done
exit $status
