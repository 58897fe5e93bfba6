#!/bin/sh
# A translation is complete and valid: msgfmt --check passes and --statistics counts no fuzzy
# and no untranslated entry (an entry left so would show English in the window and on paper).
msgfmt=${1:?usage: check-po.sh MSGFMT LANG.po}
po=${2:?usage: check-po.sh MSGFMT LANG.po}
stats=$("$msgfmt" --check --statistics -o /dev/null "$po" 2>&1) || { echo "$stats"; exit 1; }
echo "$po: $stats"
case "$stats" in
  *fuzzy*|*untranslated*) exit 1 ;;
esac
exit 0
