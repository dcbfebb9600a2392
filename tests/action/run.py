#!/usr/bin/env python3
"""The GitHub Action (action.yml) run step by step on this machine, the way the
runner runs a composite action: each step's shell script in order, with
${{ inputs.* }} filled in, GITHUB_ACTION_PATH at this checkout and RUNNER_TEMP,
GITHUB_PATH and GITHUB_OUTPUT in a temporary folder.

Checks: install and build succeed; a noisy resume gives annotations and fails
the step (exit 1); with sarif-file the SARIF report is written; a clean resume
passes (exit 0); the exit-code output is set.

Usage: run.py SOURCE_DIR. Exit 77 without python3-yaml."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    print("python3-yaml is not installed: skipped")
    sys.exit(77)

src = os.path.abspath(sys.argv[1])
action = yaml.safe_load(open(os.path.join(src, "action.yml")))
assert action["runs"]["using"] == "composite", "not a composite action"
steps = action["runs"]["steps"]
defaults = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
tmp = tempfile.mkdtemp(prefix="rl-action-")


def run_step(step, inputs, env_extra):
    def fill(text):
        return re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: inputs[m.group(1)], text)
    env = dict(os.environ, GITHUB_ACTION_PATH=src, RUNNER_TEMP=tmp,
               GITHUB_PATH=os.path.join(tmp, "path"), GITHUB_OUTPUT=os.path.join(tmp, "output"),
               GITHUB_WORKSPACE=src)
    env.update({k: fill(str(v)) for k, v in (step.get("env") or {}).items()})
    env.update(env_extra)
    assert step["shell"] == "bash", f"step {step['name']}: shell {step['shell']}"
    # the runner's bash: bash --noprofile --norc -eo pipefail {0}
    script = os.path.join(tmp, "step.sh")
    open(script, "w").write(fill(step["run"]))
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script], cwd=src, env=env,
                          capture_output=True, text=True, timeout=600)


def fail(msg, p=None):
    print("FAIL: " + msg + ("\n" + p.stdout + p.stderr if p else ""))
    shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(1)


names = [s["name"] for s in steps]
if names != ["Install dependencies", "Build resumelint", "Lint"]:
    fail(f"unexpected steps {names}")

inputs = dict(defaults, paths="samples/resume-noisy.md", **{"sarif-file": os.path.join(tmp, "out.sarif")})
for step in steps[:2]:
    p = run_step(step, inputs, {})
    if p.returncode != 0:
        fail(f"step '{step['name']}' exited {p.returncode}", p)
if not os.path.exists(os.path.join(tmp, "resumelint-build", "src", "resumelint")):
    fail("the build step made no binary")
if os.path.join(tmp, "resumelint-build", "src") not in open(os.path.join(tmp, "path")).read():
    fail("the build step did not add resumelint to GITHUB_PATH")

p = run_step(steps[2], inputs, {})
if p.returncode != 1:
    fail(f"the lint step on a noisy resume exited {p.returncode}, not 1", p)
if not re.search(r"^::error file=samples/resume-noisy\.md,line=\d+,col=\d+,.*title=one-page::", p.stdout, re.M):
    fail("no one-page error annotation", p)
if "::warning file=samples/resume-noisy.md" not in p.stdout:
    fail("no warning annotations", p)
sarif = json.load(open(inputs["sarif-file"]))
if not sarif["runs"][0]["results"]:
    fail("the SARIF report has no results")
if "exit-code=1" not in open(os.path.join(tmp, "output")).read():
    fail("the exit-code output is not 1")

inputs = dict(defaults, paths="samples/resume-clean.md")
p = run_step(steps[2], inputs, {})
if p.returncode != 0:
    fail(f"the lint step on a clean resume exited {p.returncode}", p)
shutil.rmtree(tmp, ignore_errors=True)
print("action.yml: install, build and lint steps ran in order; annotations, SARIF and exit codes as expected")
