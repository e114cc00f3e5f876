#!/usr/bin/env bash
# test-po-complete.sh: the German translation is complete and up to date
#
# Copyright 2026 The Staff Exchange authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails on any fuzzy or untranslated message in po/de.po, and on any
# string of the sources that po/de.po does not have yet: the template is
# extracted afresh here, with the keywords of meson's glib preset.

set -u
src="${1:?source root}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }

stats() {
  msgfmt --check --statistics -o /dev/null "$1" 2>&1 | tail -n 1
}

for po in "$src"/po/*.po; do
  lang=$(basename "$po" .po)
  s=$(stats "$po")
  case "$s" in
    *fuzzy*|*untranslated*|*error*) not_ok "po/$lang.po is complete: $s" ;;
    *) ok "po/$lang.po is complete: $s" ;;
  esac
done

if ! xgettext --from-code=UTF-8 --add-comments \
     --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
     --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
     --directory="$src" --files-from="$src/po/POTFILES.in" \
     -o "$work/staff-exchange.pot" 2>"$work/xgettext.log"; then
  not_ok "the template can be extracted: $(head -n 3 "$work/xgettext.log")"
else
  ok "the template can be extracted"
  for po in "$src"/po/*.po; do
    lang=$(basename "$po" .po)
    msgmerge --quiet --no-fuzzy-matching "$po" "$work/staff-exchange.pot" -o "$work/$lang.po"
    s=$(stats "$work/$lang.po")
    case "$s" in
      *fuzzy*|*untranslated*|*error*)
        not_ok "po/$lang.po has every string of the sources: $s"
        msgattrib --untranslated --no-location "$work/$lang.po" | grep '^msgid' | head -n 20 \
          | sed 's/^/# missing: /'
        ;;
      *) ok "po/$lang.po has every string of the sources" ;;
    esac
  done
fi

echo "1..$n"
[[ $fails -eq 0 ]]
