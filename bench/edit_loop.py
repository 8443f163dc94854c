"""Edit-loop benchmark: how long after saving a praktijkvoorbeeld ``make serve`` shows the change.

    python -m bench.edit_loop --n 1000 --rounds 7     # also run by `make bench` (bench/build.py)

For a project made by :mod:`bench.synthetic`, it runs the real ``make serve`` (the project gets the
Makefile and the virtualenv of this repository), waits for the first build, and then, round after
round, appends a word to the ``samenvatting`` of one praktijkvoorbeeld (a field its page, its card in
the interventiewijzer and the index pages it is on all show) and asks the page over HTTP until it
shows the word. The time from just before the save until that answer is one round: it includes the
server noticing the change (MkDocs looks twice a second) and the rebuild.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
# What `make serve` needs besides the site sources: the Makefile and the files it makes .venv and node_modules from.
MAKE_FILES = ("Makefile", "requirements.txt", "pyproject.toml", "package.json", "package-lock.json",
              "scripts/beheer_pakketten.py")
OLD = 86400  # a timestamp older than any .venv: make leaves the linked virtualenv as it is
TIMEOUT = 600


class Serving:
    """``make serve`` in ``project`` (with the Makefile and virtualenv of this repository), on a free port.

    ``env``: added to the environment of make and MkDocs. Stop with :meth:`stop`. tests/test_serve.py runs it too.
    """

    def __init__(self, project: Path, env: dict[str, str] | None = None, log: Path | None = None):
        for name in MAKE_FILES:
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ROOT / name, project / name)
            os.utime(project / name, (OLD, OLD))
        if not (project / ".venv").exists():
            (project / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.project = project
        self.url = f"http://127.0.0.1:{port}/"
        self.log = log or Path(tempfile.mkstemp(prefix="bench-serve-", suffix=".log")[1])
        started = time.perf_counter()
        with self.log.open("w") as output:
            self.process = subprocess.Popen(["make", "--no-print-directory", "serve", f"ADDRESS=127.0.0.1:{port}"],
                                            cwd=project, env={**os.environ, **(env or {})}, stdout=output,
                                            stderr=subprocess.STDOUT, start_new_session=True)
        self.wait_until(lambda answer: answer[0] == 200, "")
        self.first_build = time.perf_counter() - started

    def get(self, path: str) -> tuple[int | None, str]:
        """(HTTP status, text) of a page; (None, why) while the server does not answer yet."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=TIMEOUT) as answer:
                return answer.status, answer.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")
        except OSError as error:
            if self.process.poll() is not None:
                raise RuntimeError(f"make serve stopte:\n{self.log.read_text()[-3000:]}") from None
            return None, str(error)

    def wait_until(self, shown, path: str, what: str = "de wijziging") -> None:
        """Ask for ``path`` until ``shown((status, text))``."""
        deadline = time.monotonic() + TIMEOUT
        while not shown(self.get(path)):
            if time.monotonic() > deadline:
                raise RuntimeError(f"{what} op /{path} verscheen niet binnen {TIMEOUT} s:\n"
                                   f"{self.log.read_text()[-3000:]}")
            time.sleep(0.05)

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGINT)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)


def edit_rounds(project: Path, rounds: int) -> tuple[float, list[float]]:
    """(seconds until the first build served, seconds from each save until its page showed the change)."""
    serving = Serving(project)
    try:
        files = sorted((project / "content" / "interventies").glob("*.yml"))
        seconds = []
        for number in range(rounds):
            file = files[(number * 97 + 5) % len(files)]  # spread over the site, the same every run
            word = f"bewerkingsronde{number}x{int(time.time())}"
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
            room = 400 - len(word) - 2  # the schema's maxLength of a samenvatting
            data["samenvatting"] = f"{data['samenvatting'][:room].rstrip('.')} {word}."
            text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
            time.sleep(1)  # the previous round's rebuild is over: the server looks for changes again
            start = time.perf_counter()
            file.write_text(text, encoding="utf-8")
            serving.wait_until(lambda answer, word=word: word in answer[1], f"praktijkvoorbeelden/{file.stem}/")
            seconds.append(time.perf_counter() - start)
        return serving.first_build, seconds
    finally:
        serving.stop()
        serving.log.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    from bench.synthetic import generate

    parser = argparse.ArgumentParser(prog="python -m bench.edit_loop", description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="aantal praktijkvoorbeelden")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-edit-") as work:
        project = generate(args.n, Path(work) / "project", seed=1)
        first, seconds = edit_rounds(project, args.rounds)
    print(f"N={args.n}: eerste build {first:.1f} s; wijziging tot pagina: mediaan {statistics.median(seconds):.2f} s "
          f"(min {min(seconds):.2f}, max {max(seconds):.2f}, {len(seconds)} rondes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
