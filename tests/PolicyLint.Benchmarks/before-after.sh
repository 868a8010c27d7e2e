#!/usr/bin/env bash
# Full analysis by this checkout and by another commit, in the same BenchmarkDotNet run (BeforeAfterBenchmarks):
#
#   tests/PolicyLint.Benchmarks/before-after.sh COMMIT [--corpora synthetic-10x] [--iterations N]
#
# The other commit's PolicyLint.Core is built in a temporary git worktree and loaded beside this one.
set -euo pipefail
commit="$1"; shift
root=$(git rev-parse --show-toplevel)
dir=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$dir/src" >/dev/null 2>&1 || true; rm -rf "$dir"' EXIT
git -C "$root" worktree add --detach "$dir/src" "$commit" >/dev/null
dotnet build -c Release "$dir/src/src/PolicyLint.Core" -o "$dir/core" -nologo -v:q
dotnet build -c Release "$root/tests/PolicyLint.Benchmarks" -nologo -v:q
POLICYLINT_BASELINE_CORE="$dir/core/PolicyLint.Core.dll" \
  dotnet "$root/tests/PolicyLint.Benchmarks/bin/Release/net10.0/PolicyLint.Benchmarks.dll" before-after "$@"
