// Finds the `dotnet` that runs the server: the policylint.dotnetPath setting, else the first `dotnet` on PATH, and checks
// that it has a .NET runtime the server can roll forward to (the server targets net10.0 with RollForward=Major).
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const requiredMajor = 10;
export const downloadUrl = 'https://dotnet.microsoft.com/download';

export type DotnetLookup = { path: string } | { error: string };

export async function findDotnet(configured: string): Promise<DotnetLookup> {
    const executable = process.platform === 'win32' ? 'dotnet.exe' : 'dotnet';
    let candidate: string | undefined;
    if (configured.trim() !== '') {
        candidate = configured.trim();
        if (!isFile(candidate)) {
            return { error: `The setting policylint.dotnetPath names '${candidate}', which is not a file.` };
        }
    } else {
        candidate = (process.env.PATH ?? '')
            .split(path.delimiter)
            .filter(dir => dir !== '')
            .map(dir => path.join(dir, executable))
            .find(isFile);
        if (!candidate) {
            return { error: `PolicyLint needs the .NET runtime ${requiredMajor} or newer, and found no '${executable}' on PATH. Install .NET from ${downloadUrl}, or set policylint.dotnetPath.` };
        }
    }
    const runtimes = await listRuntimes(candidate);
    if (runtimes === undefined) {
        return { error: `'${candidate} --list-runtimes' failed: is it a .NET host? Install .NET ${requiredMajor} or newer from ${downloadUrl}, or set policylint.dotnetPath.` };
    }
    if (!runtimes.some(major => major >= requiredMajor)) {
        const found = runtimes.length === 0 ? 'none' : runtimes.map(m => `${m}.x`).join(', ');
        return { error: `PolicyLint needs the .NET runtime ${requiredMajor} or newer; '${candidate}' has ${found}. Install .NET ${requiredMajor} from ${downloadUrl}, or set policylint.dotnetPath.` };
    }
    return { path: candidate };
}

function isFile(file: string): boolean {
    try {
        return fs.statSync(file).isFile();
    } catch {
        return false;
    }
}

/** Major versions of the Microsoft.NETCore.App runtimes the host lists, or undefined when it cannot be run. */
function listRuntimes(dotnet: string): Promise<number[] | undefined> {
    return new Promise(resolve => {
        execFile(dotnet, ['--list-runtimes'], { timeout: 15000 }, (error, stdout) => {
            if (error) {
                resolve(undefined);
                return;
            }
            const majors = [...stdout.matchAll(/^Microsoft\.NETCore\.App (\d+)\./gm)].map(m => Number(m[1]));
            resolve(majors);
        });
    });
}
