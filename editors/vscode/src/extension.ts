// amends for VS Code: starts `amends lsp` for Markdown, plain text and e-mail documents.
// The server is the binary "amends.server.path" names, else the one this platform's package
// bundles, else `amends` on PATH; the output channel says which it started, and its version.
//
// Diagnostics, hovers, quick fixes, `source.fixAll.amends` and the code lens come from the
// server through vscode-languageclient. The server's own commands (`amends.showSummary`,
// `amends.fixAll`, both taking a document URI) are registered by the client from the server's
// `executeCommandProvider`; the palette commands here have other ids and call them for the
// active editor.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from 'vscode-languageclient/node';

const LANGUAGES = ['markdown', 'plaintext', 'email'];
const INSTALL_HELP =
  'Install amends (in a clone of its repository: `cargo install --path .`) so that `amends` is on PATH, ' +
  'or set "amends.server.path" to the amends binary.';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let extensionPath: string;

/** Where a server came from, for the log. */
type Origin = 'amends.server.path' | 'bundled with the extension' | 'PATH';

/**
 * The `amends` binary: the `amends.server.path` setting, else the one bundled in this
 * platform's package (scripts/package.sh puts it under server/<platform>-<arch>/), else `amends`
 * on PATH.
 */
function findServer(): { command: string; origin: Origin } | { problem: string } {
  const configured = vscode.workspace.getConfiguration('amends').get<string>('server.path', '').trim();
  if (configured) {
    const resolved = configured.startsWith('~/') ? path.join(os.homedir(), configured.slice(2)) : configured;
    if (!isExecutable(resolved)) {
      return { problem: `"amends.server.path" is ${JSON.stringify(configured)}, but that is not an executable file. ${INSTALL_HELP}` };
    }
    return { command: resolved, origin: 'amends.server.path' };
  }
  const executable = process.platform === 'win32' ? 'amends.exe' : 'amends';
  const bundled = path.join(extensionPath, 'server', `${process.platform}-${process.arch}`, executable);
  if (fs.existsSync(bundled)) {
    // A .vsix is a zip: an unzipper that drops the file mode leaves the binary unrunnable.
    if (!isExecutable(bundled)) {
      try {
        fs.chmodSync(bundled, 0o755);
      } catch (error) {
        output.warn(`[extension] cannot make the bundled server ${bundled} executable: ${String(error)}`);
      }
    }
    if (isExecutable(bundled)) {
      return { command: bundled, origin: 'bundled with the extension' };
    }
  }
  const names = process.platform === 'win32' ? ['amends.exe', 'amends.cmd'] : ['amends'];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (dir && isExecutable(candidate)) {
        return { command: candidate, origin: 'PATH' };
      }
    }
  }
  return { problem: `cannot find the amends language server: no "amends.server.path" setting, no server bundled for ${process.platform}-${process.arch} and no \`amends\` on PATH. ${INSTALL_HELP}` };
}

function isExecutable(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The `amends` settings the server reads, as a plain object (editor-only keys dropped). */
function serverSettings(): Record<string, unknown> {
  const settings = JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('amends'))) as Record<string, unknown>;
  delete settings.server;
  delete settings.trace;
  return settings;
}

async function report(problem: string): Promise<void> {
  output.error(`[extension] ${problem}`);
  const choice = await vscode.window.showErrorMessage(`amends: ${problem}`, 'Open Settings', 'Show Log');
  if (choice === 'Open Settings') {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'amends.server.path');
  } else if (choice === 'Show Log') {
    output.show();
  }
}

async function start(): Promise<void> {
  const found = findServer();
  if ('problem' in found) {
    void report(found.problem);
    return;
  }
  output.info(`[extension] starting ${found.command} lsp (${found.origin})`);
  // No `transport`: the server speaks stdio by default (`--stdio` would be accepted too).
  const serverOptions: ServerOptions = {
    run: { command: found.command, args: ['lsp'] },
    debug: { command: found.command, args: ['lsp'] },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    initializationOptions: serverSettings(),
    synchronize: { configurationSection: 'amends' },
    outputChannel: output,
  };
  const started = new LanguageClient('amends', 'amends', serverOptions, clientOptions);
  client = started;
  try {
    await started.start();
    const info = started.initializeResult?.serverInfo;
    output.info(`[extension] started ${info?.name ?? 'amends'} ${info?.version ?? '(no version given)'}, ${found.origin}: ${found.command}`);
  } catch (error) {
    client = undefined;
    void report(`the language server (${found.command} lsp) did not start: ${String(error)}. ${INSTALL_HELP}`);
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    try {
      await running.stop();
    } catch (error) {
      output.info(`[extension] stopping the server: ${String(error)}`);
    }
  }
}

/** Run one of the server's commands on the active amends document. */
async function onActiveDocument(command: string): Promise<unknown> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !LANGUAGES.includes(editor.document.languageId)) {
    void vscode.window.showInformationMessage('amends: open a Markdown, plain text or e-mail draft first.');
    return undefined;
  }
  if (!client || !client.isRunning()) {
    void report(`the language server is not running. ${INSTALL_HELP}`);
    return undefined;
  }
  return client.sendRequest(ExecuteCommandRequest.type, {
    command,
    arguments: [editor.document.uri.toString()],
  });
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('amends', { log: true });
  extensionPath = context.extensionPath;
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('amends.fixAllSafe', async () => {
      const applied = await onActiveDocument('amends.fixAll');
      if (applied === false) {
        void vscode.window.showInformationMessage('amends: no safe fixes to apply.');
      }
    }),
    // The server shows the summary itself (window/showMessage) and returns it.
    vscode.commands.registerCommand('amends.showApologySummary', () => onActiveDocument('amends.showSummary')),
    vscode.commands.registerCommand('amends.restartServer', async () => {
      await stop();
      await start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('amends.server.path')) {
        await stop();
        await start();
      }
    }),
  );
  await start();
}

export function deactivate(): Thenable<void> | undefined {
  return stop();
}
