#!/bin/sh
# meson install into a temporary DESTDIR, then run what was installed there.
# Usage: run.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1
src=$2
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
meson install -C "$build" --destdir "$dest" --quiet >/dev/null
prefix=$(meson introspect "$build" --buildoptions | python3 -c \
	'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
bin="$dest$prefix/bin/resumelint"
fail() { echo "FAIL: $*"; exit 1; }
[ -x "$bin" ] || fail "no installed binary at $bin"

"$bin" --version | grep -q '^resumelint ' || fail "--version"
[ -s "$dest$prefix/share/resumelint/rules.cache" ] || fail "the pre-parsed rules (rules.cache) are not installed"
# the rules it finds with no flags are the installed ones
"$bin" --list-rules | grep -q '^one-page ' || fail "--list-rules found no rules"
"$bin" --self-test >/dev/null || fail "--self-test"
# a Markdown sample and a Word file: exit 1 (findings), a report naming the rules
set +e
"$bin" --no-config "$src/samples/resume-noisy.md" >"$dest/out.txt" 2>&1
rc=$?
set -e
[ $rc -eq 1 ] || { cat "$dest/out.txt"; fail "lint of the noisy sample exited $rc, not 1"; }
grep -q '\[no-gpa\]' "$dest/out.txt" || fail "no no-gpa finding on the noisy sample"
docx="$src/tests/golden/both-formats.docx"
"$bin" --no-config --format json "$docx" >"$dest/docx.json" || true
grep -q '"format": "docx"' "$dest/docx.json" || { cat "$dest/docx.json"; fail "the installed Word module did not read $docx"; }
find "$dest$prefix" -name resumelint-word.preload | grep -q . || fail "no resumelint-word.preload beside the Word module"
# tailoring loads the installed stemmer module
"$bin" --no-config --format json --job "$src/samples/job-posting.md" "$src/samples/resume-tailored.md" \
	>"$dest/job.json" 2>"$dest/job.err" || true
[ ! -s "$dest/job.err" ] || { cat "$dest/job.err"; fail "--job with the installed stemmer module"; }
grep -q '"match"' "$dest/job.json" || { cat "$dest/job.json"; fail "--job gave no match"; }

for page in resumelint.1 resumelint-rules.5; do
	section=${page##*.}
	man=$(find "$dest$prefix" -path "*man$section/$page" | head -n 1)
	[ -n "$man" ] || fail "man page $page not installed"
	if command -v man >/dev/null 2>&1; then
		MANWIDTH=80 man -l "$man" 2>"$dest/man.err" | grep -q 'resumelint' || fail "man -l $page"
		[ ! -s "$dest/man.err" ] || { cat "$dest/man.err"; fail "man -l $page warned"; }
	fi
done
find "$dest$prefix" -path '*bash-completion/completions/resumelint' | grep -q . || fail "no bash completion"
find "$dest$prefix" -name _resumelint | grep -q . || fail "no zsh completion"
echo "installed into $dest$prefix: binary, rules, Word and stemmer modules, man pages and completions work"
