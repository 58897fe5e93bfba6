#!/usr/bin/env python3
"""The Flatpak manifest, checked offline: flatpak-builder reads it without a warning, and it
builds the application the meson project installs, with the permissions it needs and no more.

    check-flatpak.py MANIFEST SOURCE_DIR APP_ID COMMAND

Exits 77 (skipped) only when flatpak-builder is not installed.
"""
import json
import os
import re
import shutil
import subprocess
import sys

# What the app needs: its display, printing the PDF, and the default report folder. Other
# files go through the portals.
FINISH_ARGS = {
    "--socket=wayland",
    "--socket=fallback-x11",
    "--share=ipc",
    "--device=dri",
    "--socket=cups",
    "--filesystem=xdg-documents/Crepitus:create",
}

problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


def main():
    manifest_path, source_dir, app_id, command = sys.argv[1:5]
    builder = shutil.which("flatpak-builder")
    if builder is None:
        print("1..0 # SKIP flatpak-builder is not installed (apt-get install flatpak-builder)")
        return 77

    # flatpak-builder's own reading: an unknown key is a warning, fatal here.
    env = dict(os.environ, G_DEBUG="fatal-warnings")
    run = subprocess.run([builder, "--show-manifest", manifest_path], env=env,
                         capture_output=True, text=True, cwd=os.path.dirname(manifest_path))
    if run.returncode != 0:
        print(f"flatpak-builder --show-manifest failed ({run.returncode}):\n{run.stderr}",
              file=sys.stderr)
        return 1
    manifest = json.loads(run.stdout)

    check(manifest.get("id") == app_id, f"id is {manifest.get('id')!r}, not {app_id!r}")
    check(manifest.get("command") == command,
          f"command is {manifest.get('command')!r}, not {command!r}")
    check(manifest.get("runtime") == "org.gnome.Platform", "the runtime is not org.gnome.Platform")
    check(manifest.get("sdk") == "org.gnome.Sdk", "the SDK is not org.gnome.Sdk")
    check(manifest.get("runtime-version") == "43",
          "the runtime is not GNOME 43 (GTK 4.8, libadwaita 1.2: the versions the code targets)")
    finish_args = set(manifest.get("finish-args", []))
    check(finish_args == FINISH_ARGS,
          f"finish-args: extra {sorted(finish_args - FINISH_ARGS)}, "
          f"missing {sorted(FINISH_ARGS - finish_args)}")

    modules = manifest.get("modules", [])
    names = [m.get("name") if isinstance(m, dict) else m for m in modules]
    check(names == ["libharu", "jansson", "crepitus"],
          f"modules are {names}, not libharu, jansson, then crepitus")
    by_name = {m.get("name"): m for m in modules if isinstance(m, dict)}

    haru = by_name.get("libharu", {})
    check(haru.get("buildsystem") in ("cmake", "cmake-ninja"), "libharu is not built with cmake")
    for name, upstream in (("libharu", "github.com/libharu/libharu"),
                           ("jansson", "github.com/akheron/jansson")):
        sources = by_name.get(name, {}).get("sources", [])
        check(len(sources) == 1, f"{name}: one source expected")
        for source in sources:
            check(upstream in source.get("url", ""), f"{name} is not built from {upstream}")
            if source.get("type") == "git":
                check(re.fullmatch(r"[0-9a-f]{40}", source.get("commit", "")) is not None,
                      f"{name}: a git source pinned to its commit")
            else:
                check("sha256" in source, f"{name}: an archive with its sha256")

    app = by_name.get("crepitus", {})
    check(app.get("buildsystem") == "meson", "crepitus is not built with meson")
    sources = app.get("sources", [])
    check(len(sources) == 1 and sources[0].get("type") == "dir", "crepitus: one dir source")
    if sources:
        root = os.path.normpath(os.path.join(os.path.dirname(manifest_path),
                                             sources[0].get("path", "")))
        check(os.path.samefile(root, source_dir),
              f"crepitus's source is {root}, not the project's {source_dir}")
    with open(os.path.join(source_dir, "meson_options.txt"), encoding="utf-8") as f:
        options = set(re.findall(r"option\('([^']+)'", f.read()))
    for opt in app.get("config-opts", []):
        m = re.fullmatch(r"-D([A-Za-z0-9_]+)=.*", opt)
        if m and "." not in m.group(1) and not m.group(1).startswith("b_"):
            check(m.group(1) in options or m.group(1) in ("buildtype", "prefix"),
                  f"crepitus: -D{m.group(1)} is not an option of the project")

    # The command the manifest runs is the one the desktop file starts.
    with open(os.path.join(source_dir, "data", f"{app_id}.desktop.in"), encoding="utf-8") as f:
        execs = re.findall(r"^Exec=(\S+)", f.read(), re.M)
    check(execs == [command], f"the desktop file starts {execs}, not {command}")

    for problem in problems:
        print(f"{manifest_path}: {problem}", file=sys.stderr)
    if not problems:
        print(f"ok: {app_id} runs {command}; modules {', '.join(names)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
