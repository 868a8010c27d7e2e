using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using PolicyLint.Build.Tests;
using PolicyLint.Tests.Infrastructure;
using Xunit;

namespace PolicyLint.Editor.Tests
{
    /// <summary>
    /// The extension's modules that do not need VS Code (src/vscode-policylint/src/policyFile.ts: which documents are
    /// policies; dotnet.ts: which dotnet runs the server), bundled by esbuild as the extension bundles them and run in node.
    /// esbuild comes from the extension's node_modules (installed by build.sh, or here by npm ci).
    /// </summary>
    public sealed class ExtensionModuleTests
    {
        private static readonly string Source = Path.Combine(Paths.RepoRoot, "src", "vscode-policylint");

        /// <summary>Bundles src/&lt;module&gt;.ts and runs `script` in node with it as `m`; returns what the script prints.</summary>
        private static string RunWith(string module, string script)
        {
            string work = Path.Combine(Path.GetTempPath(), "policylint-extension-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(work);
            try
            {
                string esbuild = Path.Combine(Source, "node_modules", ".bin", "esbuild");
                if (!File.Exists(esbuild))
                {
                    var install = Tool.Run("npm", "ci --ignore-scripts --no-audit --no-fund --loglevel=error", Source);
                    Assert.True(install.ExitCode == 0, install.Output);
                }
                string bundled = Path.Combine(work, module + ".js");
                var bundle = Tool.Run(esbuild, $"src/{module}.ts --bundle --platform=node --format=cjs --outfile=\"{bundled}\" --log-level=warning", Source);
                Assert.True(bundle.ExitCode == 0, bundle.Output);
                File.WriteAllText(Path.Combine(work, "run.js"), $"const m = require({JsonSerializer.Serialize(bundled)});\n(async () => {{\n{script}\n}})();\n");
                var run = Tool.Run("node", "run.js", work);
                Assert.True(run.ExitCode == 0, run.Output);
                return run.Output.Trim();
            }
            finally
            {
                Editor.Delete(work);
            }
        }

        [Fact]
        public void OnlyATrustFrameworkPolicyRootMakesAPolicy()
        {
            var cases = new (string Text, bool Policy)[]
            {
                (File.ReadAllText(Path.Combine(Paths.RepoRoot, "samples", "wechat", "TrustFrameworkBase.xml")), true),
                ("<TrustFrameworkPolicy xmlns=\"http://schemas.microsoft.com/online/cpim/schemas/2013/06\" PolicyId=\"B2C_1A_X\">", true),
                ("\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\" ?>\r\n<!-- a comment with <Other> in it -->\r\n<TrustFrameworkPolicy\r\n  PolicyId=\"B2C_1A_X\">", true),
                ("<b2c:TrustFrameworkPolicy xmlns:b2c=\"http://schemas.microsoft.com/online/cpim/schemas/2013/06\">", true),
                ("<?xml version=\"1.0\"?>\n<!DOCTYPE x>\n<TrustFrameworkPolicy/>", true),
                // A new file while its root is typed.
                ("<TrustFrameworkPolicy", true),
                ("", false),
                ("<?xml version=\"1.0\"?>\n<Project Sdk=\"PolicyLint/1.0.0\" />", false),
                ("<TrustFrameworkPolicyX>", false),
                ("<!-- <TrustFrameworkPolicy> -->\n<Configuration />", false),
                ("<Wrapper><TrustFrameworkPolicy /></Wrapper>", false),
                ("text before <TrustFrameworkPolicy>", false),
            };
            string inputs = JsonSerializer.Serialize(cases.Select(c => c.Text));
            var answers = JsonSerializer.Deserialize<bool[]>(RunWith("policyFile", $"console.log(JSON.stringify({inputs}.map(m.isPolicyText)));"))!;
            for (int i = 0; i < cases.Length; i++)
                Assert.True(answers[i] == cases[i].Policy, $"isPolicyText({JsonSerializer.Serialize(cases[i].Text.Length > 80 ? cases[i].Text.Substring(0, 80) + "..." : cases[i].Text)}) is {answers[i]}");
        }

        /// <summary>The dotnet the extension picks, and what it says when there is none it can use.</summary>
        [Fact]
        public void TheDotnetOnPathOrTheSettingRunsTheServerAndAMissingOneIsExplained()
        {
            string dotnet = Editor.OnPath("dotnet")!;
            string work = Path.Combine(Path.GetTempPath(), "policylint-dotnet-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            string empty = Path.Combine(work, "empty"), old = Path.Combine(work, "old");
            Directory.CreateDirectory(empty);
            Directory.CreateDirectory(old);
            // A dotnet host with only the .NET 8 runtime.
            string eight = Path.Combine(old, "dotnet");
            File.WriteAllText(eight, "#!/bin/sh\necho 'Microsoft.AspNetCore.App 8.0.11 [/usr/share/dotnet/shared/Microsoft.AspNetCore.App]'\necho 'Microsoft.NETCore.App 8.0.11 [/usr/share/dotnet/shared/Microsoft.NETCore.App]'\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(eight, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            try
            {
                // "path: ..." or "error: ...": what findDotnet answers with this PATH and this setting.
                string Find(string path, string configured)
                {
                    var answer = JsonDocument.Parse(RunWith("dotnet", $"process.env.PATH = {JsonSerializer.Serialize(path)}; console.log(JSON.stringify(await m.findDotnet({JsonSerializer.Serialize(configured)})));")).RootElement;
                    return string.Join("; ", answer.EnumerateObject().Select(p => p.Name + ": " + p.Value.GetString()));
                }
                Assert.Equal($"path: {dotnet}", Find(Path.GetDirectoryName(dotnet)!, ""));
                Assert.Equal($"path: {dotnet}", Find(empty, dotnet));
                Assert.Equal("error: PolicyLint needs the .NET runtime 10 or newer, and found no 'dotnet' on PATH. Install .NET from https://dotnet.microsoft.com/download, or set policylint.dotnetPath.", Find(empty, ""));
                Assert.Equal($"error: PolicyLint needs the .NET runtime 10 or newer; '{eight}' has 8.x. Install .NET 10 from https://dotnet.microsoft.com/download, or set policylint.dotnetPath.", Find(old, ""));
                Assert.Equal($"error: The setting policylint.dotnetPath names '{empty}/dotnet', which is not a file.", Find(Path.GetDirectoryName(dotnet)!, empty + "/dotnet"));
            }
            finally
            {
                Editor.Delete(work);
            }
        }
    }
}
