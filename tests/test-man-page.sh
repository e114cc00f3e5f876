#!/usr/bin/env bash
# test-man-page.sh: the man page documents every command-line option
#
# Copyright 2026 The Staff Exchange authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Renders the man page as `man -l` shows it and checks that every option
# `staff-exchange --help-all` prints is in it, and that every option the man
# page describes still exists, so that neither can fall behind the other.
# It also checks that every option has a description in --help and that
# the description is a translatable string of a file in po/POTFILES.in.
# TAP output. Usage: test-man-page.sh APP MANPAGE SOURCE_ROOT

set -u
app=$1 page=$2 source_root=$3
export LC_ALL=C.UTF-8
unset LANGUAGE

if command -v man >/dev/null 2>&1; then
  render() { MANWIDTH=100 man --warnings -l "$page"; }
elif command -v groff >/dev/null 2>&1; then
  render() { groff -man -ww -Tutf8 -P-cbou "$page"; }
else
  echo "1..0 # SKIP neither man nor groff is installed"
  exit 0
fi

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }

render >"$dir/page.txt" 2>"$dir/warnings"
if [ $? -eq 0 ] && [ -s "$dir/page.txt" ]; then
  ok "the man page renders"
else
  not_ok "the man page renders"
fi
if [ -s "$dir/warnings" ]; then
  not_ok "the man page renders without warnings"
  sed 's/^/# /' "$dir/warnings"
else
  ok "the man page renders without warnings"
fi

"$app" --help-all >"$dir/help.txt" 2>&1
if [ $? -eq 0 ]; then ok "--help-all exits 0"; else not_ok "--help-all exits 0"; fi

# The option column of --help-all: "  -d, --database=FILE   Open ...".
sed -n 's/^ \{1,\}\(\(-[A-Za-z0-9?], \)\{0,1\}--[A-Za-z0-9-]\{1,\}\).*/\1/p' "$dir/help.txt" |
  tr ',' '\n' | tr -d ' ' | sort -u >"$dir/help-options"
count=$(wc -l <"$dir/help-options")
if [ "$count" -ge 5 ]; then
  ok "--help-all lists options ($count found)"
else
  not_ok "--help-all lists options (only $count found)"
  sed 's/^/# /' "$dir/help.txt"
fi

# Descriptions: "  --output=FILE      The PDF file to write"; the two
# columns are separated by at least two spaces.
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --directory="$source_root" -o "$dir/messages.pot" \
  $(grep -E '\.c$' "$source_root/po/POTFILES.in") 2>"$dir/xgettext.err"
if [ -s "$dir/xgettext.err" ]; then
  sed 's/^/# xgettext: /' "$dir/xgettext.err"
fi
msgexec -i "$dir/messages.pot" sh -c 'printf "%s\n" "$MSGEXEC_MSGID"' >"$dir/msgids" 2>/dev/null
while read -r option; do
  line=$(grep -E -- "^ +(-[A-Za-z0-9?], )?${option}([= ]|\$)" "$dir/help.txt" | head -n 1)
  description=$(sed -E 's/^ +[^ ].*[^ ] {2,}//; t; d' <<<"$line")
  case $option in
    # GLib's own options, translated in GLib's catalog.
    -h | --help | --help-all | --help-gapplication | --gapplication-service)
      [ -n "$description" ] && ok "$option has a description" || not_ok "$option has a description"
      continue ;;
  esac
  if [ -z "$description" ]; then
    not_ok "$option has a description in --help"
  elif grep -qxF -- "$description" "$dir/msgids"; then
    ok "the description of $option is translatable"
  else
    not_ok "the description of $option is translatable (\"$description\" is no msgid of po/POTFILES.in)"
  fi
done < <(grep -e '^--' "$dir/help-options")

# An option counts as documented when it appears as a word of its own with
# plain ASCII hyphens: groff turns a hyphen that is not written "\-" into a
# typographic one, which cannot be copied into a terminal.
while read -r option; do
  if grep -qE -- "(^|[^A-Za-z0-9-])${option}([^A-Za-z0-9-]|\$)" "$dir/page.txt"; then
    ok "the man page documents $option"
  else
    not_ok "the man page documents $option (printed by --help-all)"
  fi
done <"$dir/help-options"

# The other way round: every option the OPTIONS section describes (the
# lines that follow ".TP") exists.
awk '/^\.SH / { in_options = ($2 == "OPTIONS") } in_options && tp { print } { tp = /^\.TP/ }' "$page" |
  sed 's/\\-/-/g' | grep -oE -- '(^|[^A-Za-z0-9-])--?[A-Za-z0-9][A-Za-z0-9-]*' |
  sed 's/^[^-]*//' | sort -u >"$dir/page-options"
while read -r option; do
  if grep -qxF -- "$option" "$dir/help-options"; then
    ok "$option from the man page exists"
  else
    not_ok "$option is described in the man page but --help-all does not print it"
  fi
done <"$dir/page-options"

echo "1..$n"
[ $fails -eq 0 ]
