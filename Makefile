# Crepitus — set-up, build, run and test on a fresh Debian 12 machine.
#   make run    install what is missing, build, open the app on its default database
#   make test   the same set-up, then the whole suite under a virtual display

BUILDDIR ?= build
MESON_OPTIONS ?=

# Debian 12 packages needed to build, run and test (postgresql-15: the tests start a server of
# their own; none is left running).
DEB_PACKAGES = \
	gcc pkg-config meson ninja-build gettext python3 \
	libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev \
	libsqlite3-dev libjansson-dev libhpdf-dev libfontconfig-dev libfreetype-dev libharfbuzz-dev \
	libpq-dev postgresql-15 \
	libpoppler-glib-dev fonts-dejavu-core poppler-utils qpdf \
	desktop-file-utils appstream \
	xvfb xauth \
	clang libclang-rt-14-dev

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps setup build run test fuzz clean

all: build

deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q 'install ok installed' \
	    || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi

$(BUILDDIR)/build.ninja:
	meson setup $(BUILDDIR) $(MESON_OPTIONS)

setup: deps $(BUILDDIR)/build.ninja

build: setup
	meson compile -C $(BUILDDIR)

run: build
	GSETTINGS_SCHEMA_DIR=$(BUILDDIR)/data CREPITUS_LOCALEDIR=$(BUILDDIR)/po \
	  ./$(BUILDDIR)/src/crepitus

test: build
	xvfb-run -a meson test -C $(BUILDDIR) --print-errorlogs

# The core's libFuzzer targets (clang, ASan and UBSan), FUZZ_SECONDS each; fails on a finding.
FUZZDIR ?= build-fuzz
FUZZ_SECONDS ?= 60

fuzz: deps
	[ -f $(FUZZDIR)/build.ninja ] || CC=clang meson setup $(FUZZDIR) -Dfuzzing=true \
	  -Dfuzz_seconds=$(FUZZ_SECONDS) -Db_sanitize=address,undefined -Db_lundef=false \
	  -Dbuildtype=debug
	meson compile -C $(FUZZDIR)
	meson test -C $(FUZZDIR) --print-errorlogs

clean:
	rm -rf $(BUILDDIR) $(FUZZDIR)
