// amends in the real VS Code: code-server serves the VS Code workbench and extension host,
// playwright-core drives Debian's Chromium. Run by run.sh, which builds the .vsix first.
//
// Installs the built .vsix (this platform's, with the server inside) with no `amends` on PATH and
// no "amends.server.path": the bundled server must be the one that runs. Opens a draft, checks the Problems panel, the hover, the code lens,
// applies a quick fix from the light bulb (Ctrl+.), saves and checks the file, fills in the missing
// remedy's template snippet placeholder by placeholder; then checks that
// `editor.codeActionsOnSave: { "source.fixAll.amends": "explicit" }` fixes a second draft on save.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, statSync, copyFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const bin = process.env.AMENDS_BIN;
const vsix = process.env.VSIX;
const artefacts = process.env.ARTEFACTS;
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const codeServer = join(here, 'node_modules', '.bin', 'code-server');
const draft =
  'Hi Zoë,\n\n' +
  'We are sorry if the delay upset you, Zoë. We apologize for any inconvenience this slight delay may have caused.\n\n' +
  'Best,\nAnna\n';
const second = 'Dear Ken,\n\nI am sorry the parcel was late. I apologize for the minor mix-up and the slight delay.\n\nKind regards,\nIda\n';

let failures = 0;
const check = (ok, what, detail) => {
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${what}${!ok && detail !== undefined ? `\n       ${String(detail).replace(/\n/g, '\n       ')}` : ''}`);
  if (!ok) failures++;
  return ok;
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(what, fn, timeout = 20000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await fn();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    await sleep(150);
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${String(last).slice(0, 400)})`);
}
// The extension's output channel (the "amends" log), as written so far.
const amendsLog = () =>
  readdirSync(join(userData, 'logs'), { recursive: true }).filter((p) => String(p).endsWith('amends.log'))
    .map((p) => readFileSync(join(userData, 'logs', String(p)), 'utf8')).join('');
const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const root = mkdtempSync(join(tmpdir(), 'amends-vscode-'));
const home = join(root, 'home');
const userData = join(root, 'user-data');
const extensions = join(root, 'extensions');
const workspace = join(root, 'drafts');
for (const dir of [home, join(userData, 'User'), extensions, workspace]) mkdirSync(dir, { recursive: true });
writeFileSync(join(workspace, 'reply.md'), draft);
writeFileSync(join(workspace, 'second.md'), second);
writeFileSync(join(workspace, 'third.md'), second.replace('Ken', 'Jo'));
// `amends.server.path` is machine-overridable: VS Code reads it from the remote machine's
// settings (code-server: <user-data-dir>/Machine/settings.json), as under Remote-SSH. Unset at
// first: the server bundled in the package runs.
mkdirSync(join(userData, 'Machine'), { recursive: true });
writeFileSync(join(userData, 'Machine', 'settings.json'), '{}');
writeFileSync(
  join(userData, 'User', 'settings.json'),
  JSON.stringify(
    {
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'editor.codeActionsOnSave': { 'source.fixAll.amends': 'explicit' },
      'telemetry.telemetryLevel': 'off',
      // Every lint and request in the server's log, for the tail a failing run prints.
      'amends.logLevel': 'debug',
      'security.workspace.trust.enabled': false,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'update.mode': 'none',
      'chat.disableAIFeatures': true,
      'editor.hover.delay': 300,
      'files.autoSave': 'off',
    },
    null,
    2,
  ),
);
// No `amends` on code-server's PATH: a server found there would hide a missing bundled one.
const pathWithoutAmends = (process.env.PATH ?? '').split(':').filter((dir) => dir && !existsSync(join(dir, 'amends'))).join(':');
const env = { ...process.env, PATH: pathWithoutAmends, HOME: home, XDG_DATA_HOME: join(home, '.local/share'), XDG_CONFIG_HOME: join(home, '.config') };
const common = ['--user-data-dir', userData, '--extensions-dir', extensions];

let server;
let browser;
const started = Date.now();
try {
  const install = spawnSync(codeServer, [...common, '--install-extension', vsix], { env, encoding: 'utf8' });
  check(install.status === 0 && /successfully installed/i.test(install.stdout + install.stderr), 'code-server installs the .vsix',
    install.stdout + install.stderr);

  const port = await freePort();
  server = spawn(codeServer, [...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', workspace], { env });
  let serverLog = '';
  server.stdout.on('data', (d) => (serverLog += d));
  server.stderr.on('data', (d) => (serverLog += d));
  await until('code-server to listen', async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, 30000);

  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  const shot = (name) => page.screenshot({ path: join(artefacts, name) });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 30000 });
  await until('the explorer', async () => (await page.locator('.explorer-folders-view').count()) > 0, 30000);
  console.log(`  (workbench ready after ${((Date.now() - started) / 1000).toFixed(1)} s)`);

  // Open the draft (Ctrl+P) and show the Problems panel (Ctrl+Shift+M).
  const open = async (name) => {
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(name);
    await until(`${name} in quick open`, async () => (await page.locator('.quick-input-list .monaco-list-row').first().innerText()).includes(name));
    await page.keyboard.press('Enter');
    await until(`${name} in the active editor`, async () => (await page.title()).startsWith(name));
    // Quick open leaves the focus in the editor; start at the top, where the code lens is.
    await page.waitForSelector('.monaco-editor.focused');
    await page.keyboard.press('Control+Home');
  };
  // The server has linted the active draft once its code lens is there.
  const lensOf = (name) => until(`the code lens of ${name}`, async () => {
    const text = await page.locator('.monaco-editor .codelens-decoration').first().innerText();
    return text.includes('Apology strength') ? text : null;
  }, 40000);
  await open('reply.md');
  await page.keyboard.press('Control+Shift+M');
  const problems = page.locator('.markers-panel');
  const rows = await until('the amends problems', async () => {
    const texts = await problems.locator('.monaco-list-row').allInnerTexts();
    return texts.some((t) => t.includes('canned phrase')) && texts.filter((t) => t.includes('amends')).length >= 5 ? texts : null;
  }, 40000);
  const flat = rows.map((r) => r.replace(/\s+/g, ' ').trim());
  console.log('  Problems panel:\n' + flat.map((r) => '       | ' + r).join('\n'));
  // The problems came from the server in the package, and the log says which server and version.
  const startedLine = await until('the log line of the started server', () => amendsLog().match(/started amends .*/)?.[0]);
  console.log(`  log: ${startedLine}`);
  const bundledServer = new RegExp(`^started amends \\d+\\.\\d+\\.\\d+, bundled with the extension: ${extensions}/[^/]+/server/${process.platform}-${process.arch}/amends$`);
  check(bundledServer.test(startedLine),
    'the bundled server runs (no amends on PATH, no setting) and the log names it and its version', startedLine);
  // Column numbers are VS Code's (UTF-16, 1-based): 'Zoë' before them is one unit wide.
  const expected = [
    ["'if' makes the apology conditional: it doubts the harm; apologize for what happened", 'conditional-apology', 3, 1],
    ['canned phrase: say the specific thing instead', 'cliche', 3, 46],
    ['minimizes the harm: let the reader decide how big it was', 'minimizing', 3, 78],
    ["hedged apology: 'may have' weakens the admission; say what happened plainly", 'hedging', 3, 96],
    ["no remedy: say what you have done or will do to repair this reader's harm", 'missing-remedy', 3, 1],
  ];
  for (const [message, code, line, column] of expected) {
    const row = flat.find((r) => r.includes(message));
    // The row reads "<message> amends <code> [Ln l, Col c]" (older VS Code: "amends(<code>)").
    const tail = new RegExp(`amends\\(?\\s?${code}\\)? \\[Ln ${line}, Col ${column}\\]$`);
    check(row && tail.test(row),
      `Problems: ${code} at Ln ${line}, Col ${column}: ${message}`, row ?? flat.join('\n'));
  }
  // The code lens above the draft.
  const lens = await until('the code lens', async () => {
    const text = await page.locator('.monaco-editor .codelens-decoration').first().innerText();
    return text.includes('Apology strength') ? text : null;
  });
  check(/Apology strength \d+\/100 · missing: .*remedy/.test(lens), 'code lens shows the strength and what is missing', lens);
  // The editor and the Problems panel (the README's picture): the box around both parts.
  const boxes = [await page.locator('.part.editor').boundingBox(), await page.locator('.part.panel').boundingBox()];
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const clip = { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
  await page.screenshot({ path: join(artefacts, 'vscode-problems.png'), clip });

  // Hover on 'slight' (Ctrl+G 3:85, Ctrl+K Ctrl+I).
  const goTo = async (where) => {
    await page.keyboard.press('Control+G');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(where);
    await page.keyboard.press('Enter');
    await sleep(300);
  };
  await goTo('3:85');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = await until('the hover', async () => {
    const texts = await page.locator('.monaco-hover').allInnerTexts();
    return texts.find((t) => t.includes('Why this weakens the apology'));
  });
  check(hover.includes('minimizing · amends'), 'hover names the rule', hover);
  check(hover.includes('Minimizes the harm: let the reader decide how big it was'), 'hover carries the message', hover);
  check(/Why this weakens the apology:\s*\S/.test(hover), 'hover explains why', hover);
  check(hover.includes('Instead'), 'hover shows what to write instead', hover);
  await shot('vscode-hover.png');
  await page.keyboard.press('Escape');

  // Quick fix from the light bulb menu (Ctrl+.): "Remove 'slight'" comes first; Enter applies it.
  await goTo('3:85');
  await page.keyboard.press('Control+.');
  const menu = await until('the quick-fix menu', async () => {
    const texts = await page.locator('.action-widget .monaco-list-row').allInnerTexts();
    return texts.length > 0 && texts.some((t) => t.includes("Remove 'slight'")) ? texts : null;
  });
  console.log('  Quick-fix menu: ' + JSON.stringify(menu));
  const focused = await page.locator('.action-widget .monaco-list-row.focused').innerText().catch(() => '');
  check(focused.includes("Remove 'slight'"), "the light bulb's first choice is Remove 'slight'", focused);
  check(menu.some((t) => t.includes('Disable minimizing for this line')), 'the menu offers the suppression comment', menu);
  await shot('vscode-quick-fix.png');
  await page.keyboard.press('Enter');
  await until('the fix in the editor', async () => !(await page.locator('.monaco-editor .view-lines').first().innerText()).includes('slight'));
  await page.keyboard.press('Control+S');
  const fixed = draft.replace('this slight delay', 'this delay');
  await until('the saved file', () => readFileSync(join(workspace, 'reply.md'), 'utf8') === fixed, 10000).catch(() => {});
  const saved = readFileSync(join(workspace, 'reply.md'), 'utf8');
  check(saved === fixed, "the saved file has 'slight' removed and nothing else changed", JSON.stringify(saved));
  await until('minimizing to leave the Problems panel', async () =>
    !(await problems.locator('.monaco-list-row').allInnerTexts()).some((t) => t.includes('minimizes the harm')));
  check(true, 'the Problems panel follows the fix');

  // The missing remedy's template goes in as a snippet: its first placeholder is selected, so
  // typing replaces it, and Tab moves to the next one.
  // Right after the save the editor may still be settling and drop the first Ctrl+.: ask again.
  let templateMenu = null;
  for (let attempt = 0; attempt < 4 && !templateMenu; attempt++) {
    await page.keyboard.press('Escape');
    await goTo('3:1');
    await page.keyboard.press('Control+.');
    templateMenu = await until('the template in the quick-fix menu', async () => {
      const texts = await page.locator('.action-widget .monaco-list-row').allInnerTexts();
      return texts.some((t) => t.includes('Add a sentence: \'I have')) ? texts : null;
    }, 8000).catch(() => null);
  }
  check(templateMenu !== null, 'the quick-fix menu offers the missing remedy\'s template');
  templateMenu ??= [];
  for (let i = 0; i < templateMenu.length; i++) {
    if ((await page.locator('.action-widget .monaco-list-row.focused').innerText()).includes('Add a sentence: \'I have')) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  const editorText = async () => (await page.locator('.monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
  await until('the template in the editor', async () => (await editorText()).includes(' on date.'));
  await page.keyboard.type('replaced');
  await page.keyboard.press('Tab');
  await page.keyboard.type('the kettle');
  // Typing reaches the screen a moment later: read once the last letter is there.
  const withTemplate = await until('the typed placeholders', async () => {
    const text = await editorText();
    return text.includes('I have replaced the kettle on date.') ? text : null;
  }, 5000).catch(() => editorText());
  check(withTemplate.includes('I have replaced the kettle on date.') && !withTemplate.includes('['),
    'the missing remedy\'s template is a snippet: typing fills its placeholders one by one', withTemplate);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+S');

  // codeActionsOnSave: source.fixAll.amends applies every safe fix when the file is saved.
  await open('second.md');
  await lensOf('second.md');
  await page.keyboard.press('Control+S');
  const secondFixed = await until('second.md fixed on save', () => {
    const text = readFileSync(join(workspace, 'second.md'), 'utf8');
    return text !== second ? text : null;
  }, 15000).catch(() => readFileSync(join(workspace, 'second.md'), 'utf8'));
  check(!/\bslight\b|\bminor\b/.test(secondFixed) && secondFixed.includes('the mix-up and the delay'),
    'saving with codeActionsOnSave source.fixAll.amends applies the safe fixes', JSON.stringify(secondFixed));

  // The extension's palette commands.
  const palette = async (title) => {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(title);
    await until(`"${title}" in the command palette`, async () =>
      (await page.locator('.quick-input-list .monaco-list-row').first().innerText()).includes(title));
    await page.keyboard.press('Enter');
  };
  const toasts = () => page.locator('.notifications-toasts .notification-list-item').allInnerTexts();
  await open('reply.md');
  await palette('amends: Show apology summary');
  const summary = await until('the summary notification', async () => (await toasts()).find((t) => t.includes('Apology strength')));
  check(/Apology strength \d+\/100 · missing: /.test(summary), '"amends: Show apology summary" shows the summary', summary);
  // The code lens runs the server's amends.showSummary (registered by the language client).
  await palette('Notifications: Clear All Notifications');
  await until('no notifications', async () => (await toasts()).length === 0);
  await page.locator('.monaco-editor .codelens-decoration a').first().click();
  const fromLens = await until('the summary from the code lens', async () => (await toasts()).find((t) => t.includes('Apology strength')));
  check(/Apology strength \d+\/100 · missing: /.test(fromLens), 'clicking the code lens shows the summary', fromLens);
  await open('third.md');
  await lensOf('third.md');
  await palette('amends: Fix all safe problems');
  const fixedText = await until('the fixes in the editor', async () => {
    const text = (await page.locator('.monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
    return !/slight|minor/.test(text) ? text : null;
  });
  check(fixedText.includes('the mix-up and the delay'), '"amends: Fix all safe problems" applies the safe fixes in the editor', fixedText);
  await page.keyboard.press('Control+S');
  await until('third.md saved', () => readFileSync(join(workspace, 'third.md'), 'utf8').includes('the mix-up and the delay'), 10000);
  await until('the editor to be clean', async () => !(await page.locator('.tab.active.dirty').count()));
  await palette('amends: Restart server');
  await until('the server to start again', () => (amendsLog().match(/starting .* lsp/g) ?? []).length >= 2, 20000);
  await until('amends problems after the restart', async () =>
    (await problems.locator('.monaco-list-row').allInnerTexts()).some((t) => /amends\(?\s?missing-remedy/.test(t)), 30000);
  check(true, '"amends: Restart server" restarts it and the problems come back');

  // No "command already exists" (or any other) error from the extension.
  const notifications = await toasts();
  check(!notifications.some((t) => /error|already exists/i.test(t)), 'no error notifications', notifications.join('\n'));
  const logs = [];
  const walk = (dir) => { for (const name of readdirSync(dir)) { const p = join(dir, name); statSync(p).isDirectory() ? walk(p) : logs.push(p); } };
  walk(join(userData, 'logs'));
  const logText = logs.filter((p) => p.endsWith('.log')).map((p) => readFileSync(p, 'utf8')).join('\n');
  const duplicate = logText.split('\n').filter((l) => /already exists/i.test(l));
  check(duplicate.length === 0, 'no "command already exists" in the VS Code logs', duplicate.join('\n'));

  // "amends.server.path" wins over the bundled server.
  writeFileSync(join(userData, 'Machine', 'settings.json'), JSON.stringify({ 'amends.server.path': bin }));
  const fromSetting = await until('the server from the setting', () =>
    amendsLog().split('\n').find((line) => line.includes(`amends.server.path: ${bin}`)), 20000);
  check(/started amends \d+\.\d+\.\d+, amends\.server\.path: /.test(fromSetting), '"amends.server.path" wins over the bundled server', fromSetting);

  // No silent failure: a server path that does not work gets an error saying what to install.
  writeFileSync(join(userData, 'Machine', 'settings.json'), JSON.stringify({ 'amends.server.path': join(root, 'no-amends-here') }));
  const missing = await until('the error about the missing server', async () =>
    (await toasts()).find((t) => t.includes('not an executable file')), 20000);
  check(/amends\.server\.path.*cargo install --path \./s.test(missing) && missing.includes('Open Settings'),
    'a wrong amends.server.path gets an error that says what to install, with Open Settings', missing);
  await shot('vscode-missing-server.png');
} catch (error) {
  failures++;
  console.log(`  FAIL ${error.stack ?? error}`);
  try {
    const pages = browser?.contexts()[0]?.pages() ?? [];
    if (pages[0]) await pages[0].screenshot({ path: join(artefacts, 'vscode-failure.png') });
  } catch {}
  // CI keeps only what a failing run prints: the server's own account of it.
  try {
    const tail = amendsLog().trimEnd().split('\n').slice(-40);
    console.log('  amends log, last lines:\n' + tail.map((line) => '       | ' + line).join('\n'));
  } catch {}
} finally {
  // The server's and the extension host's logs, after a failure too.
  const logs = [];
  const walk = (dir) => { for (const name of readdirSync(dir)) { const p = join(dir, name); statSync(p).isDirectory() ? walk(p) : logs.push(p); } };
  try { walk(join(userData, 'logs')); } catch {}
  for (const p of logs.filter((p) => /amends|exthost/i.test(p.slice(userData.length)))) copyFileSync(p, join(artefacts, p.split('/').slice(-2).join('-')));
  await browser?.close().catch(() => {});
  server?.kill('SIGTERM');
}
console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s in VS Code; screenshots in ${artefacts})`);
console.log(failures === 0 ? 'vscode: all checks passed' : `vscode: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
