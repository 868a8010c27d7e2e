// The PolicyLint extension: starts `dotnet server/policylint.dll lsp` once an XML document whose root is
// TrustFrameworkPolicy is open, and talks to it only about such documents. It claims no language and contributes no
// grammar, schema or formatter, so the community Azure AD B2C extension and Red Hat XML keep working beside it.
import * as fs from 'fs';
import * as vscode from 'vscode';
import { DidOpenTextDocumentNotification, LanguageClient, LanguageClientOptions, Middleware, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { downloadUrl, findDotnet } from './dotnet';
import { isPolicyText } from './policyFile';

const section = 'policylint';
let client: LanguageClient | undefined;
let starting: Promise<void> | undefined;
/** Documents the server has been told about (opened as policies): every request and notification is limited to them. */
const synced = new Set<string>();

export function activate(context: vscode.ExtensionContext): void {
    const startIfPolicy = (document: vscode.TextDocument) => {
        if (!client && !starting && isCandidate(document) && isPolicyText(document.getText())) {
            starting = start(context).finally(() => (starting = undefined));
        }
    };
    context.subscriptions.push(
        vscode.workspace.onDidOpenTextDocument(startIfPolicy),
        // A new file becomes a policy as its root is typed.
        vscode.workspace.onDidChangeTextDocument(e => startIfPolicy(e.document)),
        vscode.commands.registerCommand('policylint.restartServer', async () => {
            await stop();
            starting = start(context).finally(() => (starting = undefined));
        }),
        vscode.workspace.onDidChangeConfiguration(async e => {
            if (client && (e.affectsConfiguration(`${section}.dotnetPath`) || e.affectsConfiguration(`${section}.debounce`))) {
                await stop();
                starting = start(context).finally(() => (starting = undefined));
            }
        }),
        { dispose: () => void stop() },
    );
    vscode.workspace.textDocuments.forEach(startIfPolicy);
}

export function deactivate(): Thenable<void> | undefined {
    return stop();
}

function isCandidate(document: vscode.TextDocument): boolean {
    return document.languageId === 'xml' && document.uri.scheme === 'file';
}

async function start(context: vscode.ExtensionContext): Promise<void> {
    const settings = vscode.workspace.getConfiguration(section);
    const dotnet = await findDotnet(settings.get<string>('dotnetPath', ''));
    if ('error' in dotnet) {
        const choice = await vscode.window.showErrorMessage(dotnet.error, 'Download .NET', 'Open Settings');
        if (choice === 'Download .NET') {
            await vscode.env.openExternal(vscode.Uri.parse(downloadUrl));
        } else if (choice === 'Open Settings') {
            await vscode.commands.executeCommand('workbench.action.openSettings', `${section}.dotnetPath`);
        }
        return;
    }
    const server = context.asAbsolutePath('server/policylint.dll');
    if (!fs.existsSync(server)) {
        void vscode.window.showErrorMessage(`The PolicyLint language server is missing from the extension (${server}). Reinstall the extension.`);
        return;
    }

    const serverOptions: ServerOptions = {
        command: dotnet.path,
        args: [server, 'lsp'],
        transport: TransportKind.stdio,
    };
    const clientOptions: LanguageClientOptions = {
        // Registered for XML files on disk; the middleware below keeps everything to policy documents.
        documentSelector: [{ scheme: 'file', language: 'xml' }],
        diagnosticCollectionName: section,
        // The server reads the debounce once, at initialize; it registers its own file watchers (project files,
        // .editorconfig, settings, baselines, policies not open).
        initializationOptions: { debounceMs: settings.get<number>('debounce', 150) },
        middleware: policiesOnly(),
    };
    client = new LanguageClient(section, 'PolicyLint', serverOptions, clientOptions);
    synced.clear();
    try {
        await client.start();
    } catch (error) {
        void vscode.window.showErrorMessage(`The PolicyLint language server did not start: ${error instanceof Error ? error.message : String(error)}. See the PolicyLint output.`);
    }
}

async function stop(): Promise<void> {
    const running = client;
    client = undefined;
    synced.clear();
    if (running) {
        await running.stop();
    }
}

/** Middleware that sends the server only policy documents and asks it only about them. */
function policiesOnly(): Middleware {
    const known = (document: vscode.TextDocument) => synced.has(document.uri.toString());
    // A request about a document the server was not told about gets no answer from PolicyLint (other extensions answer).
    const onPolicies = (document: vscode.TextDocument, ...rest: unknown[]) => {
        const next = rest.pop() as (...args: unknown[]) => unknown;
        return known(document) ? next(document, ...rest) : undefined;
    };
    const request = onPolicies as never;
    return {
        didOpen: async (document, next) => {
            if (isPolicyText(document.getText())) {
                synced.add(document.uri.toString());
                await next(document);
            }
        },
        didChange: async (event, next) => {
            const document = event.document;
            if (known(document)) {
                await next(event);
            } else if (client && isPolicyText(document.getText())) {
                // It became a policy while typed: open it on the server with its whole text, which holds this change.
                synced.add(document.uri.toString());
                await client.sendNotification(DidOpenTextDocumentNotification.type, {
                    textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri), languageId: document.languageId, version: document.version, text: document.getText() },
                });
            }
        },
        willSave: async (event, next) => (known(event.document) ? next(event) : undefined),
        willSaveWaitUntil: (event, next) => (known(event.document) ? next(event) : Promise.resolve([])),
        didSave: async (document, next) => (known(document) ? next(document) : undefined),
        didClose: async (document, next) => {
            if (synced.delete(document.uri.toString())) {
                await next(document);
            }
        },
        provideCompletionItem: request,
        provideHover: request,
        provideDefinition: request,
        provideReferences: request,
        provideDocumentHighlights: request,
        provideDocumentSymbols: request,
        provideCodeActions: request,
        prepareRename: request,
        provideRenameEdits: request,
    };
}
