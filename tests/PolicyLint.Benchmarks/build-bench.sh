#!/usr/bin/env bash
# End-to-end cost of PolicyLint in `dotnet build`: times the build of a policy repository with PolicyLint and
# with -p:PolicyLintEnabled=false, cold (obj/ removed, so the lint runs) and no-op (nothing changed, so the
# lint target is skipped), and prints the ratios.
#
#   tests/PolicyLint.Benchmarks/build-bench.sh [--corpus starterpack|synthetic] [--scale N] [--runs N] [--keep]
#
# --keep leaves the generated repository, feed and package cache in place (the path is printed) for a closer
# look, e.g. `dotnet build -clp:PerformanceSummary` there.
#
# The package is packed from this checkout into a private feed and restored into a private NuGet cache, so the
# measured build uses exactly this source. Uses hyperfine when installed (Debian: apt-get install -y hyperfine),
# else a plain timing loop. Builds run with -nodeReuse:false and no build server, as in CI: every build
# starts MSBuild afresh and leaves no process behind.
set -euo pipefail

corpus=synthetic
scale=1
runs=10
keep=false
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) corpus="$2"; shift 2 ;;
    --scale) scale="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --keep) keep=true; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/policylint-build-bench.XXXXXX")"
if [ "$keep" = true ]; then echo "== keeping $work" >&2; else trap 'rm -rf "$work"' EXIT; fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
export NUGET_PACKAGES="$work/packages"

echo "== packing PolicyLint into $work/feed" >&2
dotnet pack "$repo_root/src/PolicyLint.Build/PolicyLint.Build.csproj" -c Release -o "$work/feed" -nologo -v:q >&2
package="$(basename "$(ls "$work"/feed/PolicyLint.*.nupkg | head -n1)")"
version="${package#PolicyLint.}"; version="${version%.nupkg}"

repo="$work/repo"
mkdir -p "$repo"
case "$corpus" in
  starterpack)
    shared="${POLICYLINT_SHARED:-$repo_root/../shared}"
    cp "$shared"/corpus/starterpack/SocialAndLocalAccounts/*.xml "$repo/"
    ;;
  synthetic)
    echo "== generating a synthetic repository at scale $scale" >&2
    dotnet run -c Release --project "$repo_root/tests/PolicyLint.Benchmarks" -- generate "$repo" "$scale" >&2
    ;;
  *) echo "unknown corpus $corpus" >&2; exit 2 ;;
esac
files=$(find "$repo" -name '*.xml' | wc -l)
bytes=$(find "$repo" -name '*.xml' -exec cat {} + | wc -c)

cat > "$repo/NuGet.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="policylint" value="$work/feed" />
  </packageSources>
</configuration>
EOF
echo '<Project />' > "$repo/Directory.Build.props"
echo '<Project />' > "$repo/Directory.Build.targets"
cat > "$repo/policies.proj" <<EOF
<Project Sdk="PolicyLint/$version">
</Project>
EOF

build="dotnet build -nologo -nodeReuse:false -tl:off -v:q -clp:NoSummary"
cd "$repo"
# The first build restores the SDK package; it must pass (the corpora have no errors).
$build > "$work/first-build.log" 2>&1 || { cat "$work/first-build.log" >&2; echo "the first build failed" >&2; exit 1; }
echo "corpus: $corpus$( [ "$corpus" = synthetic ] && echo " (scale $scale)"), $files files, $bytes bytes; PolicyLint $version; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

if command -v hyperfine > /dev/null; then
  echo
  echo "### cold build (obj/ removed before each run)"
  hyperfine --style basic --warmup 1 --runs "$runs" --prepare "rm -rf obj bin" \
    -n "with PolicyLint" "$build" -n "PolicyLintEnabled=false" "$build -p:PolicyLintEnabled=false" \
    --export-markdown "$work/cold.md" > "$work/cold.log"
  cat "$work/cold.md"
  $build > /dev/null 2>&1
  echo
  echo "### no-op build (nothing changed since the last build)"
  # Three warm-ups: the first no-op build after a cold one still finds the file system cold at times.
  hyperfine --style basic --warmup 3 --runs "$runs" \
    -n "with PolicyLint" "$build" -n "PolicyLintEnabled=false" "$build -p:PolicyLintEnabled=false" \
    --export-markdown "$work/noop.md" > "$work/noop.log"
  cat "$work/noop.md"
else
  # mean wall time of $runs runs of a command, after an optional preparation
  mean() {
    local prepare="$1"; shift
    local total=0 start end
    for _ in $(seq "$runs"); do
      [ -n "$prepare" ] && eval "$prepare"
      start=$(date +%s.%N); "$@" > /dev/null 2>&1; end=$(date +%s.%N)
      total=$(echo "$total + $end - $start" | bc -l)
    done
    echo "$total / $runs" | bc -l
  }
  cold_on=$(mean "rm -rf obj bin" $build); cold_off=$(mean "rm -rf obj bin" $build -p:PolicyLintEnabled=false)
  $build > /dev/null 2>&1
  noop_on=$(mean "" $build); noop_off=$(mean "" $build -p:PolicyLintEnabled=false)
  printf '\n| build | with PolicyLint (s) | PolicyLintEnabled=false (s) | ratio | added (s) |\n|---|---:|---:|---:|---:|\n'
  printf '| cold | %.3f | %.3f | %.3f | %.3f |\n' "$cold_on" "$cold_off" "$(echo "$cold_on / $cold_off" | bc -l)" "$(echo "$cold_on - $cold_off" | bc -l)"
  printf '| no-op | %.3f | %.3f | %.3f | %.3f |\n' "$noop_on" "$noop_off" "$(echo "$noop_on / $noop_off" | bc -l)" "$(echo "$noop_on - $noop_off" | bc -l)"
fi
