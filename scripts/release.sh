#!/usr/bin/env bash
# Cuts a release of the action: `scripts/release.sh vMAJOR.MINOR.PATCH [--push [REMOTE]]`.
# Checks first, cheapest first, and changes nothing until every one passes: a clean work tree, the
# version in package.json, a CHANGELOG section for it, a tag that does not exist yet, and a dist/ (with
# dist/licenses.txt) equal to a fresh build (scripts/check-dist.sh). Then it tags vMAJOR.MINOR.PATCH
# (annotated) on HEAD, moves vMAJOR to the same commit (what `uses: org/resilience-gates@v1` runs), and
# writes the CHANGELOG section to .work/release-notes.md for the GitHub release. --push pushes both tags
# (vMAJOR with --force: it moves). .github/workflows/release.yml runs it and attaches dist/licenses.txt.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

die() { echo "release: $*" >&2; exit 1; }
version="${1:-}"
[ $# -gt 0 ] && shift
push=0
remote=origin
while [ $# -gt 0 ]; do
  case "$1" in
    --push) push=1; if [ -n "${2:-}" ] && [ "${2#-}" = "$2" ]; then remote="$2"; shift; fi ;;
    *) die "unknown argument '$1' (usage: scripts/release.sh vMAJOR.MINOR.PATCH [--push [REMOTE]])" ;;
  esac
  shift
done
[[ "$version" =~ ^v([1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$ ]] ||
  die "the version must look like v1.2.3 (major 1 or more; got '${version}'); usage: scripts/release.sh vMAJOR.MINOR.PATCH [--push [REMOTE]]"
number="${version#v}"
major="v${BASH_REMATCH[1]}"

[ -z "$(git status --porcelain --untracked-files=normal)" ] || die "the work tree is not clean; commit or stash first:
$(git status --short | head -n 20)"
declared="$(node -p 'require("./package.json").version')"
[ "$declared" = "$number" ] || die "package.json says version $declared, not $number; set \"version\": \"$number\" and commit"
grep -qE "^## \[$number\]" CHANGELOG.md || die "CHANGELOG.md has no '## [$number]' section; move the Unreleased entries under one and commit"
! git rev-parse -q --verify "refs/tags/$version" >/dev/null || die "tag $version exists already (on $(git rev-list -n 1 "$version")); releases are never re-tagged"
echo "release: rebuilding dist/ to check it matches the sources (scripts/check-dist.sh)" >&2
bash scripts/check-dist.sh || die "dist/ differs from a fresh build; run npm run build and commit"
[ -s dist/licenses.txt ] || die "dist/licenses.txt is missing or empty; run npm run build"

commit="$(git rev-parse HEAD)"
git tag -a "$version" -m "resilience-gates $version" "$commit"
git tag -f -a "$major" -m "resilience-gates $major (currently $version)" "$commit" >/dev/null
mkdir -p .work
awk -v heading="## [$number]" 'index($0, heading) == 1 { on = 1; next } on && /^## \[/ { exit } on { print }' CHANGELOG.md > .work/release-notes.md
echo "release: tagged $version and moved $major to ${commit:0:12}; notes in .work/release-notes.md" >&2
if [ "$push" = 1 ]; then
  git push "$remote" "refs/tags/$version"
  git push --force "$remote" "refs/tags/$major"
  echo "release: pushed $version and $major to $remote" >&2
else
  echo "release: push with: git push $remote refs/tags/$version && git push --force $remote refs/tags/$major" >&2
fi
