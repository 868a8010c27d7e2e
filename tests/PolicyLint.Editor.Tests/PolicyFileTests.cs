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
    /// The extension's test of which documents are policies (src/vscode-policylint/src/policyFile.ts), run in node as the
    /// extension bundles it: esbuild from the extension's node_modules (installed by build.sh, or here by npm ci).
    /// </summary>
    public sealed class PolicyFileTests
    {
        private static readonly string Source = Path.Combine(Paths.RepoRoot, "src", "vscode-policylint");

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

            string work = Path.Combine(Path.GetTempPath(), "policylint-policyfile-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(work);
            try
            {
                string esbuild = Path.Combine(Source, "node_modules", ".bin", "esbuild");
                if (!File.Exists(esbuild))
                {
                    var install = Tool.Run("npm", "ci --ignore-scripts --no-audit --no-fund --loglevel=error", Source);
                    Assert.True(install.ExitCode == 0, install.Output);
                }
                string module = Path.Combine(work, "policyFile.js"), inputs = Path.Combine(work, "inputs.json");
                var bundle = Tool.Run(esbuild, $"src/policyFile.ts --bundle --platform=node --format=cjs --outfile=\"{module}\" --log-level=warning", Source);
                Assert.True(bundle.ExitCode == 0, bundle.Output);
                File.WriteAllText(inputs, JsonSerializer.Serialize(cases.Select(c => c.Text)));
                string script = $"const {{ isPolicyText }} = require({JsonSerializer.Serialize(module)}); const inputs = require({JsonSerializer.Serialize(inputs)}); console.log(JSON.stringify(inputs.map(isPolicyText)));";
                File.WriteAllText(Path.Combine(work, "run.js"), script);
                var run = Tool.Run("node", "run.js", work);
                Assert.True(run.ExitCode == 0, run.Output);
                var answers = JsonSerializer.Deserialize<bool[]>(run.Output)!;
                for (int i = 0; i < cases.Length; i++)
                    Assert.True(answers[i] == cases[i].Policy, $"isPolicyText({JsonSerializer.Serialize(cases[i].Text.Length > 80 ? cases[i].Text.Substring(0, 80) + "..." : cases[i].Text)}) is {answers[i]}");
            }
            finally
            {
                Editor.Delete(work);
            }
        }
    }
}
