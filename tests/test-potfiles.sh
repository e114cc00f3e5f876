#!/usr/bin/env bash
# test-potfiles.sh: every file with translatable strings is in po/POTFILES.in
#
# Copyright 2026 The Staff Exchange authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A file missing from POTFILES.in has its strings left out of the template,
# so translators never see them and German users meet English.

set -u
cd "${1:?source root}"

n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }

listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)

# C files that mark strings, .ui files with translatable properties, and
# the data files that i18n.merge_file translates.
wanted=$( {
  grep -rlE --include='*.c' '(^|[^A-Za-z0-9_])(N?C?_|ngettext|g_dngettext|g_dpgettext2)[[:space:]]*\(' src
  grep -rl --include='*.ui' 'translatable="yes"' src
  ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml data/*.mime.xml 2>/dev/null
} | sort -u)

while read -r file; do
  [[ -z $file ]] && continue
  if grep -qxF "$file" <<<"$listed"; then
    ok "$file is in POTFILES.in"
  else
    not_ok "$file has translatable strings but is missing from po/POTFILES.in"
  fi
done <<<"$wanted"

while read -r file; do
  [[ -z $file ]] && continue
  if [[ -f $file ]]; then
    ok "$file listed in POTFILES.in exists"
  else
    not_ok "$file is listed in po/POTFILES.in but does not exist"
  fi
done <<<"$listed"

echo "1..$n"
[[ $fails -eq 0 ]]
