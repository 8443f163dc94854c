"""The editor at /beheer/ in Chromium, working on a project folder as an editor does with `make serve`.

Sveltia CMS edits a local folder through the browser's File System Access API: the editor clicks
"Werken met een lokale repository" and picks the folder. Headless Chromium shows no folder picker,
so the folder is one the browser keeps for the site itself (the origin-private file system, the same
kind of directory handle): the project's content is copied in before, and what the editor saved is
copied back after, into the project on disk, where git, `make check` and a build can look at it.
Nothing else is replaced: the page, the CMS and its file format are those of the built site.

    with LocalEditor(project, new_page) as editor:      # builds the project's site and serves it
        editor.open("praktijkvoorbeelden", "slug")      # the form of one entry
        editor.field("samenvatting").get_by_role("textbox").fill("...")
        editor.save()                                    # waits until a file changed, copies it back
"""

from __future__ import annotations

import time
from pathlib import Path

from handreiking.tools.beheer import FOLDER

from conftest import mkdocs_build, serve

WAIT_MS = 30_000
# The picker returns the folder 'project' of the origin-private file system.
PICKER = """window.showDirectoryPicker = async () =>
  (await navigator.storage.getDirectory()).getDirectoryHandle('project');"""
WRITE = """async (files) => {
  const opfs = await navigator.storage.getDirectory();
  await opfs.removeEntry('project', {recursive: true}).catch(() => {});
  const root = await opfs.getDirectoryHandle('project', {create: true});
  await root.getDirectoryHandle('.git', {create: true});  // the CMS wants the root of a repository
  for (const [path, text] of Object.entries(files)) {
    let folder = root;
    const parts = path.split('/');
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, {create: true});
    const writable = await (await folder.getFileHandle(parts[parts.length - 1], {create: true})).createWritable();
    await writable.write(text);
    await writable.close();
  }
}"""
READ = """async () => {
  const files = {};
  async function walk(folder, prefix) {
    for await (const [name, handle] of folder.entries()) {
      if (handle.kind === 'directory') await walk(handle, prefix + name + '/');
      else files[prefix + name] = await (await handle.getFile()).text();
    }
  }
  const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('project');
  await walk(await root.getDirectoryHandle('content'), 'content/');
  return files;
}"""


def content_files(project: Path) -> dict[str, str]:
    return {file.relative_to(project).as_posix(): file.read_text(encoding="utf-8")
            for file in sorted((project / "content").rglob("*.yml"))}


class LocalEditor:
    def __init__(self, project: Path, new_page, site_env: dict | None = None):
        self.project = project
        self.new_page = new_page
        self.site_env = site_env or {}
        self.requests: list[str] = []
        self.errors: list[str] = []

    def __enter__(self) -> LocalEditor:
        site = self.project.parent / "editor-site"
        result = mkdocs_build(self.project, site, env=self.site_env)
        assert result.returncode == 0, result.stderr
        self._server = serve(site)
        self.url = self._server.__enter__()
        self.page = self.new_page(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        self.page.set_default_timeout(WAIT_MS)
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.add_init_script(PICKER)
        self.page.goto(f"{self.url}/{FOLDER}/aanvullen/")  # a page of the same site, to fill its folder
        self.page.evaluate(WRITE, content_files(self.project))
        self.page.goto(f"{self.url}/{FOLDER}/")
        self.page.get_by_role("button", name="Werken met een lokale repository").click()
        self.page.get_by_text("Praktijkvoorbeelden", exact=True).first.wait_for()
        return self

    def __exit__(self, *exc) -> None:
        self._server.__exit__(*exc)

    def open(self, collection: str, entry: str | None = None) -> None:
        """The form of an entry, or of a new one."""
        self.page.goto(f"{self.url}/{FOLDER}/#/collections/{collection}/" + (f"entries/{entry}" if entry else "new"))
        self.field("titel").wait_for()

    def field(self, key: str):
        """A field of the form (not of the preview beside it); the form draws fields as they scroll into view."""
        fields = self.page.locator("section[aria-label][data-key-path]")
        deadline = time.monotonic() + WAIT_MS / 1000
        while True:
            found = self.page.locator(f'section[aria-label][data-key-path="{key}"]')
            if found.count():
                found.first.scroll_into_view_if_needed()
                return found.first
            assert time.monotonic() < deadline, f"veld {key} niet in het formulier"
            if fields.count():
                fields.last.scroll_into_view_if_needed()
                fields.last.hover()
                self.page.mouse.wheel(0, 800)
            self.page.wait_for_timeout(100)

    def choose(self, key: str, label: str) -> None:
        """Pick a value of a select field by its label: a list to open, or boxes to tick when there are few."""
        field = self.field(key)
        box = field.get_by_role("combobox")
        if box.count():
            box.first.click()
            self.page.get_by_role("option", name=label, exact=True).click()
            field.locator("header h4").click()  # closes the list (Escape would close the whole form)
        else:
            field.get_by_text(label, exact=True).click()

    def save(self) -> dict[str, str]:
        """Click Opslaan, wait until the folder changed, copy every changed file back; returns those files."""
        before = self.page.evaluate(READ)
        self.page.get_by_role("button", name="Opslaan", exact=True).click()
        deadline = time.monotonic() + WAIT_MS / 1000
        while (after := self.page.evaluate(READ)) == before:
            assert time.monotonic() < deadline, "Opslaan schreef niets"
            self.page.wait_for_timeout(100)
        changed = {path: text for path, text in after.items() if before.get(path) != text}
        for path, text in changed.items():
            (self.project / path).write_text(text, encoding="utf-8")
        return changed
