# build-aux/setup.sh
# Copyright 2026 The Staff Exchange authors
# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=bash
#
# Sourced by build-aux/run and build-aux/check from the repository root,
# never run on its own: the one place that knows which Debian packages a
# fresh Debian 12 machine needs to build, run and test the app.

SE_PACKAGES=(
  # Toolchain and build system
  gcc clang libclang-rt-14-dev pkg-config meson ninja-build
  # build-aux/check-format: clang-format-14 and clang-format-diff-14
  clang-format
  # Libraries the app links
  libgtk-4-dev libadwaita-1-dev libsqlite3-dev libjson-glib-dev libcsv-dev
  libical-dev libxlsxwriter-dev libpoppler-glib-dev libpq-dev libsecret-1-dev
  # Translations, metadata and their validators
  gettext itstool appstream desktop-file-utils libglib2.0-bin shared-mime-info
  # Headless GTK for the tests
  xvfb xauth dbus-x11 at-spi2-core gsettings-desktop-schemas adwaita-icon-theme x11-utils
  fonts-dejavu-core locales
  # A throw-away PostgreSQL server for the tests of the server backend
  # (pg_virtualenv is in postgresql-common)
  postgresql-15 postgresql-common
  # Certificates for the TLS test of the server backend
  openssl
  # A keyring of its own for the sign-in test (tests/se-with-keyring)
  gnome-keyring
  # Checking PDFs, databases and screenshots by hand and in tests
  sqlite3 poppler-utils imagemagick
)

se_missing_packages() {
  local pkg
  for pkg in "${SE_PACKAGES[@]}"; do
    # db:Status-Status is "installed" only when the package is fully set up,
    # not merely unpacked or removed with its configuration left behind.
    if [[ "$(dpkg-query -W -f='${db:Status-Status}\n' "$pkg" 2>/dev/null | head -n 1)" != installed ]]; then
      printf '%s\n' "$pkg"
    fi
  done
}

se_install_missing() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "setup: no dpkg-query here (not Debian?): not checking packages" >&2
    return 0
  fi

  local -a missing
  mapfile -t missing < <(se_missing_packages)
  if ((${#missing[@]} == 0)); then
    return 0
  fi

  echo "setup: missing Debian packages: ${missing[*]}" >&2
  local -a sudo=()
  if ((EUID != 0)); then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      echo "setup: no sudo here; install them as root with:" >&2
      echo "sudo apt-get install -y --no-install-recommends ${missing[*]}"
      exit 1
    fi
  fi

  # "env" rather than a plain assignment: sudo may drop variables otherwise.
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update || exit 1
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}" || exit 1
}

# Configures DIR (relative to the repository root) with the extra meson
# options given, reconfiguring when it already holds a build tree.
se_meson_setup() {
  local dir="$1"
  shift
  if [[ -f "$dir/meson-private/coredata.dat" ]]; then
    meson setup --reconfigure "$@" "$dir"
  else
    # meson 1.0 refuses --wipe and --reconfigure on a half-made build tree.
    rm -rf "$dir"
    meson setup "$@" "$dir"
  fi
}
