#!/bin/sh
# xgettext makes the template from po/POTFILES.in without a warning: a warning is a message
# translators would get wrong or not at all (a G_GINT64_FORMAT inside _() cuts its msgid).
# The keywords are po/meson.build's, added to meson's glib preset.
xgettext=${1:?usage: check-pot.sh XGETTEXT SOURCE_DIR}
srcdir=${2:?usage: check-pot.sh XGETTEXT SOURCE_DIR}
cd "$srcdir" || exit 1
keywords=$(grep -o -- "--keyword=[^']*" po/meson.build)
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT
messages=$("$xgettext" --files-from=po/POTFILES.in --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 $keywords -o "$out" 2>&1)
status=$?
[ -n "$messages" ] && echo "$messages"
[ $status -eq 0 ] && [ -z "$messages" ] || exit 1
grep -q 'msgid "YYYY-MM-DD"' "$out" || { echo "the template lacks the report strings (R_)"; exit 1; }
exit 0
