#!/usr/bin/env bash
# Builds the VS Code extension into artifacts/vscode-policylint-<version>.vsix: publishes the language server
# (framework-dependent) into server/, installs the locked npm packages, type-checks, bundles and packages.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"

rm -rf server dist
dotnet publish "$root/src/PolicyLint.Cli" -c Release -o server -p:UseAppHost=false -nologo -v:q
# --ignore-scripts: no install script is needed (esbuild's binary comes as a package; vsce's optional keytar is unused).
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
npm run --silent typecheck
npm run --silent bundle
version="$(node -p "require('./package.json').version")"
mkdir -p "$root/artifacts"
npx vsce package --no-dependencies --out "$root/artifacts/vscode-policylint-$version.vsix"
