#!/usr/bin/env python3
"""Generates the documentation that follows from data, so it cannot drift:

  docs/rules.md                 every rule in rules/*.yaml: what it catches, why,
                                how to fix, examples, how to turn it off (SARIF
                                helpUri points at each rule's #ID anchor)
  docs/man/resumelint-rules.5   the rule file format: every kind and key, from
                                `resumelint --list-kinds`

Usage: tools/gen-docs.py RESUMELINT [--check]
--check writes nothing and exits 1 when a checked-in file is out of date (the
docs-current test)."""
import os
import subprocess
import sys

try:
    import yaml
except ImportError:
    print("python3-yaml is not installed: skipped")
    sys.exit(77)

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RULES = os.path.join(TOP, "rules")


def load_rules():
    rules = []
    for name in sorted(os.listdir(RULES)):
        if name.endswith((".yaml", ".yml")):
            with open(os.path.join(RULES, name), encoding="utf-8") as f:
                rules.append(yaml.safe_load(f))
    return rules


def fence(text):
    text = text.rstrip("\n")
    ticks = "```"
    while ticks in text:
        ticks += "`"
    return f"{ticks}markdown\n{text}\n{ticks}\n"


def rules_md(rules):
    out = ["# resumelint rules\n",
           "Generated from `rules/*.yaml` by `tools/gen-docs.py`; do not edit by hand.\n",
           "Each rule is one YAML file in `rules/` (the format: `man resumelint-rules`). "
           "Severities are defaults: `.resumelint.yml` can change them per repository, and a "
           "comment in a Markdown resume can silence one finding.\n",
           "| rule | severity | catches |", "|---|---|---|"]
    for r in rules:
        summary = (r.get("summary") or r.get("message", "")).replace("|", "\\|")
        out.append(f"| [`{r['id']}`](#{r['id']}) | {r.get('severity', 'warning')} | {summary} |")
    out.append("")
    for r in rules:
        rid = r["id"]
        out.append(f"## {rid}\n")
        out.append(f"**Severity:** {r.get('severity', 'warning')} · **Kind:** {r.get('kind', 'pattern')}\n")
        if r.get("summary"):
            out.append(f"**Catches:** {r['summary']}\n")
        out.append(f"**Message:** {r.get('message', '')}\n")
        out.append(f"**Why, and what to do instead:** {' '.join(str(r.get('advice', '')).split())}\n")
        ex = r.get("examples") or {}
        if ex.get("bad"):
            out.append("Flagged:\n")
            out.extend(fence(str(t)) for t in ex["bad"])
        if ex.get("good"):
            out.append("Not flagged:\n")
            out.extend(fence(str(t)) for t in ex["good"])
        out.append("To turn it off for a repository, in `.resumelint.yml`:\n")
        out.append(f"```yaml\nrules:\n  {rid}: off\n```\n")
        out.append("For one line of a Markdown resume, on the line before it:\n")
        out.append(f"```markdown\n<!-- resumelint-disable-next-line {rid} -->\n```\n")
    return "\n".join(out)


def roff(text):
    return text.replace("\\", "\\e").replace("-", "\\-").replace("\n.", "\n\\&.")


MAN_HEAD = r""".TH RESUMELINT-RULES 5 "2026-11-25" "resumelint 0.1.0" "File Formats"
.SH NAME
resumelint\-rules \- the rule files of resumelint
.SH DESCRIPTION
Every check of
.BR resumelint (1)
is a YAML file in its rules folder (\fIPREFIX/share/resumelint/rules/\fR, or the
folder given with \fB\-\-rules\fR), one rule a file, named \fIID\fB.yaml\fR.
Rules are compiled when resumelint starts: a bad rule file stops the run with
\fIFILE\fR:\fILINE\fR:\fICOL\fR and the problem, and exit status 2. An unknown
key is an error that suggests the key you meant.
.PP
A rule has a \fBkind\fR, which says how it checks; the keys every rule takes
come first, then each kind's own keys. The data tables rules share (section
headings, word lists) are in \fIrules/tables/\fR.
.SH EXAMPLE
.nf
.RS
id: no\-references
severity: warning
kind: section
summary: \(dqReferences available upon request\(dq or a References section
section: references
pattern:
  \- '\ebavailable\es+(?:up)?on\es+request\eb'
message: 'references on the resume: \(dq{match}\(dq'
advice: >\-
  Why a recruiter cares, and what to do instead.
examples:
  bad: [\(dqReferences available upon request\(dq]
  good: [\(dq\- Wrote the API reference for the payments service\(dq]
.RE
.fi
.PP
Every rule needs \fBid\fR, \fBmessage\fR and \fBadvice\fR, and should have
\fBexamples\fR: \fBresumelint \-\-self\-test\fR checks that each \fBbad\fR text
gives a finding and each \fBgood\fR text none.
"""

MAN_TAIL = r""".SH MESSAGES
A message may use placeholders: \fB{match}\fR (the offending text, cut to 60
characters), \fB{value}\fR and \fB{limit}\fR (measured rules), \fB{detail}\fR
(what a measurement adds, such as the lines over the page limit and what to
cut) and \fB{section}\fR (the section kind).
.SH SEE ALSO
.BR resumelint (1)
"""


def man5(binary):
    p = subprocess.run([binary, "--list-kinds"], capture_output=True, text=True, check=True)
    common, kinds, order = [], {}, []
    for line in p.stdout.splitlines():
        f = line.split("\t")
        if f[0] == "kind":
            kinds[f[1]] = (f[2], [])
            order.append(f[1])
        elif f[0] == "key" and f[1] == "*":
            common.append((f[2], f[3]))
        elif f[0] == "key":
            kinds[f[1]][1].append((f[2], f[3]))
    out = [MAN_HEAD, ".SH KEYS OF EVERY RULE"]
    for name, help_ in common:
        out.append(f".TP\n.B {roff(name)}\n{roff(help_)}")
    out.append(".SH KINDS")
    for k in order:
        help_, keys = kinds[k]
        out.append(f".SS {roff(k)}\n{roff(help_)}.")
        for name, h in keys:
            out.append(f".TP\n.B {roff(name)}\n{roff(h)}")
    out.append(MAN_TAIL)
    return "\n".join(out)


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    binary, check = sys.argv[1], "--check" in sys.argv[2:]
    outputs = {
        os.path.join(TOP, "docs", "rules.md"): rules_md(load_rules()),
        os.path.join(TOP, "docs", "man", "resumelint-rules.5"): man5(binary),
    }
    stale = 0
    for path, text in outputs.items():
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old == text:
            continue
        if check:
            stale += 1
            print(f"{os.path.relpath(path, TOP)} is out of date: run tools/gen-docs.py build/src/resumelint")
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            print(f"wrote {os.path.relpath(path, TOP)}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
