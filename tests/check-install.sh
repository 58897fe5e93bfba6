#!/bin/sh
# `meson install` puts everything in place, and the installed crepitus starts and finds its
# schema and resources. Installed under a temporary DESTDIR, found there as a packager's
# staging tree is: the program from its own folder, the schema and icons through
# XDG_DATA_DIRS. The window is opened under the display of the test (xvfb-run), if any.
#   check-install.sh BUILDDIR SOURCEDIR
set -eu
build=${1:?usage: check-install.sh BUILDDIR SOURCEDIR}
source=${2:?usage: check-install.sh BUILDDIR SOURCEDIR}
dest=$(mktemp -d "${TMPDIR:-/tmp}/crepitus-install-XXXXXX")
trap 'rm -rf "$dest"' EXIT INT TERM
fail () { echo "check-install: $*" >&2; exit 1; }

meson install -C "$build" --no-rebuild --quiet --destdir "$dest" >"$dest.log" 2>&1 ||
  { cat "$dest.log" >&2; rm -f "$dest.log"; fail "meson install failed"; }
rm -f "$dest.log"

exe=$(find "$dest" -path '*/bin/crepitus' -type f)
[ -n "$exe" ] || fail "no bin/crepitus installed"
root=$(dirname "$(dirname "$exe")")
share=$root/share
echo "# installed under $root"

for f in \
    "$share/applications/org.crepitus.Crepitus.desktop" \
    "$share/metainfo/org.crepitus.Crepitus.metainfo.xml" \
    "$share/glib-2.0/schemas/org.crepitus.Crepitus.gschema.xml" \
    "$share/icons/hicolor/scalable/apps/org.crepitus.Crepitus.svg" \
    "$share/icons/hicolor/symbolic/apps/org.crepitus.Crepitus-symbolic.svg"; do
  [ -f "$f" ] || fail "not installed: ${f#"$dest"}"
done
ls "$root"/lib*/*/crepitus/libcrepitus-window.so "$root"/lib*/crepitus/libcrepitus-window.so \
  2>/dev/null | grep -q . || fail "the window module is not installed"
desktop-file-validate "$share/applications/org.crepitus.Crepitus.desktop" ||
  fail "the installed desktop file is not valid"
grep -q '^Exec=crepitus$' "$share/applications/org.crepitus.Crepitus.desktop" ||
  fail "the desktop file does not start crepitus"

# What a package's trigger does once installed (meson skips it under DESTDIR).
glib-compile-schemas --strict "$share/glib-2.0/schemas"

# Nothing of the build tree: the installed program alone, its schema found through
# XDG_DATA_DIRS in a settings file of its own.
env -u GSETTINGS_SCHEMA_DIR -u CREPITUS_LOCALEDIR -u CREPITUS_WINDOW_MODULE \
  XDG_DATA_DIRS="$share:/usr/share" XDG_CONFIG_HOME="$dest/config" XDG_DATA_HOME="$dest/data" \
  GSETTINGS_BACKEND=keyfile HOME="$dest" sh -eu -c '
    exe=$1; source=$2; dest=$3; share=$4
    version=$("$exe" --version)
    echo "# $version"
    case $version in *'"$(sed -n "s/^  version: '\(.*\)',/\1/p" "$source/meson.build")"'*) ;;
      *) echo "check-install: --version says \"$version\"" >&2; exit 1 ;; esac

    gsettings set org.crepitus.Crepitus clinic-name "Installed Clinic"
    "$exe" report "$source/tests/fixtures/example.json" --audience patient -o "$dest/handout.pdf"
    pdftotext "$dest/handout.pdf" - | grep -q "Installed Clinic" || {
      echo "check-install: the installed program did not read its settings" >&2; exit 1; }

    "$exe" --db "$dest/clinic.db" list >/dev/null
    [ "$("$exe" --db "$dest/clinic.db" check)" = ok ] || {
      echo "check-install: crepitus check did not say ok" >&2; exit 1; }

    if [ -z "${DISPLAY:-}" ]; then
      echo "# no display: the window is not opened"
      exit 0
    fi
    # The window: its module, templates and icon come from the installation. Any warning is
    # fatal; still running after 5 s means it opened.
    gsettings set org.crepitus.Crepitus clinician-name "A. Clinician"
    status=0
    G_DEBUG=fatal-warnings GTK_A11Y=none GSK_RENDERER=cairo GDK_DEBUG=gl-disable \
      timeout 5 "$exe" --db "$dest/clinic.db" >"$dest/window.log" 2>&1 || status=$?
    if [ "$status" != 124 ] || [ -s "$dest/window.log" ]; then
      echo "check-install: the installed window did not stay open (status $status):" >&2
      cat "$dest/window.log" >&2
      exit 1
    fi
    echo "# the window opened and ran for 5 s"
  ' check-install "$exe" "$source" "$dest" "$share"
echo "ok"
