#!/usr/bin/env python3
"""amends in the real Helix, driven through tmux as a user would drive it.

Opens a draft, waits for the amends diagnostics (diagnostics picker, `space d`), hovers the
phrase (`space k`) and checks that the popup breaks a paragraph only where its width does,
applies the first code action (`space a`, Enter), saves a copy (`:w`) and checks its text. Helix's `-v` log holds the JSON-RPC exchange: the test checks the negotiated
position encoding and the exact ranges there.

Environment: AMENDS_BIN (the server), HX (the editor), ARTEFACTS (where screens are saved).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.environ["AMENDS_BIN"]
HX = os.environ["HX"]
ARTEFACTS = os.environ.get("ARTEFACTS") or tempfile.mkdtemp(prefix="amends-helix-artefacts-")
SESSION = f"amends-helix-{os.getpid()}"
DRAFT = (
    "Hi Zoë,\n\n"
    "We are sorry if the delay upset you, Zoë. We apologize for any inconvenience this slight "
    "delay may have caused.\n\nBest,\nAnna\n"
)
failures = []


def check(ok, what, detail=""):
    print(("  ok   " if ok else "  FAIL ") + what + ("" if ok or not detail else f"\n       {detail}"))
    if not ok:
        failures.append(what)
    return ok


def tmux(*args, capture=False):
    result = subprocess.run(["tmux", *args], check=True, text=True, capture_output=True)
    return result.stdout if capture else None


def screen(colours=False):
    return tmux("capture-pane", "-p", *(["-e"] if colours else []), "-t", SESSION, capture=True)


def keys(*names):
    for name in names:
        tmux("send-keys", "-t", SESSION, name)
        time.sleep(0.15)


def type_text(text):
    tmux("send-keys", "-t", SESSION, "-l", text)
    time.sleep(0.15)


def wait_for(what, condition, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise TimeoutError(f"timed out after {timeout}s waiting for {what}\n--- screen ---\n{screen()}")


def showing(text):
    """A condition: the screen, once it shows `text`."""
    def condition():
        current = screen()
        return current if text in current else None
    return condition


def save_screen(name):
    with open(os.path.join(ARTEFACTS, name), "w") as out:
        out.write(screen())


def log_messages(path):
    """The JSON-RPC messages in Helix's log, with their direction."""
    messages = []
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except FileNotFoundError:
        return messages
    for line in text.splitlines():
        match = re.search(r"helix_lsp::transport \[\w+\] amends <- (\{.*\})$", line) or \
                re.search(r"helix_lsp::transport \[\w+\] amends -> (\{.*\})$", line)
        if match:
            try:
                messages.append(("<-" if " <- " in line else "->", json.loads(match.group(1))))
            except json.JSONDecodeError:
                pass
    return messages


BLOCK_START = re.compile(r"^(\s*([-*+]|\d{1,9}[.)])(\s|$)|#{1,6}(\s|$)|```|~~~|>|\||---|===)")


def paragraph_breaks(markdown):
    """Line breaks inside a plain paragraph of `markdown`: pairs of lines outside code where the
    first goes on in the second and neither starts a block (list item, heading, fence, quote,
    table, rule). Helix shows each as a line break, mid-sentence."""
    breaks, in_code, previous = [], False, None
    for line in markdown.split("\n"):
        if line.startswith("```") or line.startswith("~~~"):
            in_code, previous = not in_code, None
            continue
        plain = not in_code and line.strip() and not BLOCK_START.match(line)
        if plain and previous is not None and not previous.endswith("  "):
            breaks.append((previous, line))
        previous = line if plain else None
    return breaks


def popup_paragraph(screen_text, opening):
    """The lines of the popup paragraph that starts with `opening`, without the border, and the
    width the popup wraps its text at."""
    lines = screen_text.splitlines()
    first = next(i for i, line in enumerate(lines) if opening in line)
    left = lines[first].rindex("│", 0, lines[first].index(opening))
    right = lines[first].index("│", left + 1)
    # One column of padding on each side of the text.
    width = right - left - 3
    paragraph = []
    for line in lines[first:]:
        inner = line[left + 1:right].strip()
        if not inner:
            break
        paragraph.append(inner)
    return paragraph, width


def main():
    work = tempfile.mkdtemp(prefix="amends-helix-")
    config = os.path.join(work, "config", "helix")
    os.makedirs(config)
    snippet = open(os.path.join(HERE, "..", "languages.toml"), encoding="utf-8").read()
    # The user's snippet, with the server command pointing at the binary under test.
    assert 'command = "amends"' in snippet
    snippet = snippet.replace('command = "amends"', f"command = {json.dumps(BIN)}")
    open(os.path.join(config, "languages.toml"), "w").write(snippet)
    open(os.path.join(config, "config.toml"), "w").write(
        '[editor]\npopup-border = "all"\n\n[editor.workspace-trust]\nprompt = false\n'
    )
    project = os.path.join(work, "project")
    os.makedirs(project)
    subprocess.run(["git", "init", "-q", project], check=True)
    draft = os.path.join(project, "reply.md")
    open(draft, "w", encoding="utf-8").write(DRAFT)
    open(os.path.join(project, "reply.txt"), "w", encoding="utf-8").write(DRAFT)
    copy = os.path.join(project, "fixed.md")
    log = os.path.join(work, "helix.log")
    env = {"HOME": work, "XDG_CONFIG_HOME": os.path.join(work, "config"),
           "TERM": "xterm-256color", "PATH": os.environ["PATH"], "LANG": "C.UTF-8"}
    command = " ".join([
        "env", "-i", *[f"{k}={json.dumps(v)}" for k, v in env.items()],
        json.dumps(HX), "-v", "--log", json.dumps(log), "reply.md",
    ])
    tmux("new-session", "-d", "-s", SESSION, "-x", "200", "-y", "50", "-c", project, command)
    try:
        run(draft, copy, log)
    finally:
        try:
            save_screen("helix-last-screen.txt")
            keys("Escape", "Escape")
            type_text(":qa!")
            keys("Enter")
            time.sleep(0.5)
        except Exception:
            pass
        subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)
        if os.path.exists(log):
            shutil.copy(log, os.path.join(ARTEFACTS, "helix.log"))
        shutil.rmtree(work, ignore_errors=True)
    print(f"  (screens and the Helix log are in {ARTEFACTS})")


def run(draft, copy, log):
    version = subprocess.run([HX, "--version"], capture_output=True, text=True).stdout.strip()
    print(version)

    # 1. The server starts, negotiates utf-8 and publishes the diagnostics.
    # Helix 25.07 pulls diagnostics (textDocument/diagnostic), so the server does not push;
    # an older Helix gets them pushed (publishDiagnostics). Either way: the diagnostics sent.
    def published():
        for direction, message in log_messages(log):
            if direction != "<-":
                continue
            if message.get("method") == "textDocument/publishDiagnostics":
                items = message["params"]["diagnostics"]
            elif isinstance(message.get("result"), dict) and message["result"].get("kind") == "full":
                items = message["result"]["items"]
            else:
                continue
            if len(items) >= 5:
                return items
    diagnostics = wait_for("the amends diagnostics in the Helix log", published, timeout=30)
    init = [m for d, m in log_messages(log) if d == "<-" and "result" in m
            and isinstance(m["result"], dict) and "capabilities" in m["result"]]
    encoding = init and init[0]["result"]["capabilities"].get("positionEncoding")
    check(encoding == "utf-8", "the server answers Helix with utf-8 positions", encoding)
    line = DRAFT.split("\n")[2].encode("utf-8")
    ranges = {d["code"]: d["range"] for d in diagnostics}
    for code, text in [("conditional-apology", "We are sorry if the delay upset you"),
                       ("cliche", "apologize for any inconvenience"),
                       ("minimizing", "this slight delay"), ("hedging", "may have")]:
        start = line.index(text.encode("utf-8"))
        expected = {"start": {"line": 2, "character": start},
                    "end": {"line": 2, "character": start + len(text.encode("utf-8"))}}
        check(ranges.get(code) == expected, f"{code} covers {text!r} in utf-8 columns",
              f"got {ranges.get(code)}, expected {expected}")

    # On screen: the diagnostics picker lists amends' findings with their messages.
    wait_for("the draft on screen", lambda: "We are sorry if the delay" in screen())
    keys("Space", "d")
    picker = wait_for("the diagnostics picker",
                      showing("canned phrase"))
    save_screen("helix-diagnostics-picker.txt")
    for text in ["canned phrase: say the specific thing instead",
                 "minimizes the harm", "'if' makes the apology conditional", "hedged apology"]:
        check(text in picker, f"diagnostics picker shows {text!r}")
    check(re.search(r"\bamends\b", picker) is not None or "cliche" in picker,
          "the picker names amends or its rule ids")
    keys("Escape")
    wait_for("the picker to close", lambda: "canned phrase" not in screen())

    # 2. Hover the phrase: search for it, then space k.
    keys("/")
    type_text("slight")
    keys("Enter")
    time.sleep(0.3)
    keys("Space", "k")
    popup = wait_for("the hover popup",
                     showing("Why this weakens"))
    save_screen("helix-hover.txt")
    check("minimizing" in popup and "amends" in popup, "hover names the rule")
    check("Minimizes the harm: let the reader decide how big it was" in popup,
          "hover shows the message")
    check("Why this weakens the apology:" in popup, "hover explains why")
    # The rule's doc is hard-wrapped in its source; Helix shows every line break of a hover, so
    # the server sends each paragraph on one line. Over JSON-RPC (Helix's log) and on screen.
    hovers = [m["result"]["contents"]["value"] for d, m in log_messages(log) if d == "<-"
              and isinstance(m.get("result"), dict) and "contents" in m["result"]]
    check(hovers and "Why this weakens the apology" in hovers[-1], "the hover response is in the log")
    breaks = paragraph_breaks(hovers[-1]) if hovers else []
    check(not breaks, "no line of the hover Markdown ends where its paragraph goes on",
          breaks[:3])
    paragraph, width = popup_paragraph(popup, "Why this weakens the apology:")
    check(len(paragraph) > 1, "the popup wraps the why paragraph over lines", paragraph)
    early = [(line, following) for line, following in zip(paragraph, paragraph[1:])
             if len(line) + 1 + len(following.split()[0]) <= width]
    check(not early, f"each popup line of the paragraph ends only where the next word would not "
          f"fit ({width} columns)", early[:3])
    keys("Escape")
    time.sleep(0.3)

    # 3. Code action: space a lists "Remove 'slight'" first; Enter applies it.
    keys("Space", "a")
    menu = wait_for("the code-action menu",
                    showing("Remove 'slight'"))
    save_screen("helix-code-actions.txt")
    check("Disable minimizing for this line" in menu, "the menu offers the suppression too")
    first = [l for l in menu.splitlines() if "Remove 'slight'" in l or "Disable minimizing" in l]
    check(first and "Remove 'slight'" in first[0], "the quick fix comes first", first)
    keys("Enter")
    wait_for("the fix in the buffer",
             lambda: "this delay may have caused" in screen())

    # 4. Save a copy and check its text; the original file is unchanged.
    type_text(f":w {copy}")
    keys("Enter")
    wait_for("the copy on disk", lambda: os.path.exists(copy) and os.path.getsize(copy) > 0)
    time.sleep(0.3)
    fixed = open(copy, encoding="utf-8").read()
    check(fixed == DRAFT.replace("this slight delay", "this delay"),
          "the saved copy has 'slight' removed and nothing else changed", repr(fixed))
    check(open(draft, encoding="utf-8").read() == DRAFT, "the original draft is untouched")

    # 5. Plain text: the `text` language from the snippet brings amends to .txt files.
    type_text(":o reply.txt")
    keys("Enter")
    wait_for("reply.txt on screen", showing("reply.txt"))
    wait_for("the amends server asked about reply.txt", lambda: any(
        d == "->" and m.get("method") == "textDocument/didOpen"
        and m["params"]["textDocument"]["uri"].endswith("/reply.txt") for d, m in log_messages(log)))
    opened = [m for d, m in log_messages(log) if d == "->" and m.get("method") == "textDocument/didOpen"
              and m["params"]["textDocument"]["uri"].endswith("/reply.txt")][0]
    check(opened["params"]["textDocument"]["languageId"] == "text", "reply.txt opens as language text",
          opened["params"]["textDocument"]["languageId"])
    keys("Space", "d")
    picker = wait_for("the diagnostics picker for reply.txt", showing("canned phrase"))
    save_screen("helix-text-diagnostics.txt")
    check("canned phrase: say the specific thing instead" in picker, "reply.txt gets the amends findings")
    keys("Escape")


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # a timeout or a broken step fails the test, with the reason
        failures.append(str(error))
        print("  FAIL " + str(error))
    if failures:
        print(f"helix: {len(failures)} check(s) failed")
        sys.exit(1)
    print("helix: all checks passed")
