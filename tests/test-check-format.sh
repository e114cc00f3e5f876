#!/usr/bin/env bash
# test-check-format.sh: build-aux/check-format fails on a badly formatted change
#
# Copyright 2026 The Staff Exchange authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# In a scratch git repository with the project's .clang-format: a badly
# formatted line in the last commit makes check-format exit 1 and name the
# file; a well formatted commit on top passes, although the bad line is
# still in the file, as only the changed lines are checked.

set -u
source_root=${1:?source root}
check_format="$source_root/build-aux/check-format"

n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }

repo=$(mktemp -d "${TMPDIR:-/tmp}/test-check-format.XXXXXX")
trap 'rm -rf "$repo"' EXIT

# No user or system git configuration, and no repository above the scratch
# one (a TMPDIR inside a work tree): the test sees only its own.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_CEILING_DIRECTORIES=${repo%/*}
unset SE_FORMAT_BASE
git_in() { git -C "$repo" -c user.name=Test -c user.email=test@example.org "$@"; }

# run_check [ENV=VALUE...]: runs check-format in the repository, leaving
# its exit status in $rc and what it printed in $out.
run_check() {
  out=$(cd "$repo" && env "$@" "$check_format" 2>&1)
  rc=$?
}

cp "$source_root/.clang-format" "$repo/"
cat >"$repo/sum.c" <<'EOF'
static int
add (int a,
     int b)
{
  return a + b;
}
EOF
git_in init -q
git_in add .clang-format sum.c
git_in commit -qm "well formatted"

cat >>"$repo/sum.c" <<'EOF'

static int mul(int a,int b){return a*b;}
EOF
git_in commit -qam "badly formatted"

run_check
if [[ $rc -eq 1 ]]; then
  ok "a badly formatted change: exit 1"
else
  not_ok "a badly formatted change: exit $rc, not 1: $out"
fi
if grep -q 'sum\.c' <<<"$out" && grep -q 'git clang-format' <<<"$out"; then
  ok "it names sum.c and how to apply the format"
else
  not_ok "it names neither sum.c nor git clang-format: $out"
fi

cat >>"$repo/sum.c" <<'EOF'

static int
sub (int a,
     int b)
{
  return a - b;
}
EOF
git_in commit -qam "well formatted again"

run_check
if [[ $rc -eq 0 ]]; then
  ok "a well formatted change on top: exit 0 (the old bad line is not its)"
else
  not_ok "a well formatted change on top: exit $rc, not 0: $out"
fi

run_check SE_FORMAT_BASE=HEAD~2
if [[ $rc -eq 1 ]] && grep -q 'sum\.c' <<<"$out"; then
  ok "SE_FORMAT_BASE=HEAD~2 covers the bad commit too: exit 1"
else
  not_ok "SE_FORMAT_BASE=HEAD~2: exit $rc, not 1: $out"
fi

rm -rf "$repo/.git"
run_check
if [[ $rc -eq 2 ]] && grep -q 'not in a git checkout' <<<"$out"; then
  ok "outside a git checkout: exit 2 and says so"
else
  not_ok "outside a git checkout: exit $rc: $out"
fi

echo "1..$n"
[[ $fails -eq 0 ]]
