using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PolicyLint.Build.Tests;
using PolicyLint.Tests.Infrastructure;

namespace PolicyLint.Editor.Tests
{
    /// <summary>
    /// One run of nvim/session.lua: Neovim, headless, with its built-in LSP client on `dotnet policylint.dll lsp`, over a
    /// copy of samples/wechat. The steps are run in order in one editor; <see cref="Steps"/> holds what the client saw
    /// for each, and the folder the files as the editor wrote them.
    /// </summary>
    public sealed class NeovimSession : IDisposable
    {
        public const string Missing = "nvim is not installed (CI installs Debian's neovim: apt-get install neovim); the Neovim tests need it";

        private readonly Lazy<JsonElement> _record;

        public NeovimSession()
        {
            Nvim = Editor.OnPath("nvim");
            Folder = Editor.CopySample("wechat");
            _record = new Lazy<JsonElement>(Run);
        }

        public string? Nvim { get; }
        public string Folder { get; }

        /// <summary>The steps the session runs, each a table the Lua script reads (kind, file, zero-based line and character).</summary>
        public static readonly object[] Script =
        {
            new { kind = "diagnostics", file = "TrustFrameworkExtensions.xml" },
            new { kind = "diagnostics", file = "TrustFrameworkBase.xml" },
            // ClaimTypeReferenceId="identityProvider" in the extensions → its ClaimType in the base.
            new { kind = "definition", file = "TrustFrameworkExtensions.xml", line = 43, character = 50 },
            // The base's ClaimType Id="identityProvider": the declaration and every reference along the chain.
            new { kind = "references", file = "TrustFrameworkBase.xml", line = 99, character = 25, include_declaration = true },
            // PL2011 on TechnicalProfileReferenceId="WeChat-OAuth": the fix takes the declaration's casing.
            new { kind = "code_action", file = "TrustFrameworkExtensions.xml", line = 98, character = 77, code = "PL2011", title = "Use the declaration's casing" },
            new { kind = "rename", file = "TrustFrameworkExtensions.xml", line = 43, character = 50, new_name = "idpName", diagnostics_of = new[] { "SignUpOrSignin.xml", "TrustFrameworkBase.xml", "TrustFrameworkExtensions.xml" } },
        };

        /// <summary>What the client recorded for step <paramref name="index"/> of <see cref="Script"/>.</summary>
        public JsonElement Step(int index)
        {
            var record = _record.Value;
            var steps = record.GetProperty("steps");
            if (index >= steps.GetArrayLength())
                throw new InvalidOperationException($"The session stopped before step {index}: {Describe(record)}");
            return steps[index];
        }

        private JsonElement Run()
        {
            string work = Path.Combine(Path.GetTempPath(), "policylint-nvim-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(work);
            try
            {
                string sessionFile = Path.Combine(work, "session.json"), resultFile = Path.Combine(work, "result.json");
                File.WriteAllText(sessionFile, JsonSerializer.Serialize(new
                {
                    cmd = new[] { "dotnet", Editor.ServerDll, "lsp" },
                    folder = Folder,
                    result = resultFile,
                    timeout_ms = 60000,
                    quiet_ms = 500,
                    open = new[] { "TrustFrameworkBase.xml", "TrustFrameworkLocalization.xml", "TrustFrameworkExtensions.xml", "SignUpOrSignin.xml" },
                    steps = Script,
                }));
                string script = Path.Combine(Paths.RepoRoot, "tests", "PolicyLint.Editor.Tests", "nvim", "session.lua");
                // Its own config, data, state and cache folders: no user configuration, and the LSP log (the server's stderr) found below.
                var environment = new Dictionary<string, string> { ["POLICYLINT_SESSION"] = sessionFile };
                foreach (var name in new[] { "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME" })
                    environment[name] = Path.Combine(work, name.ToLowerInvariant());
                var (exit, output) = Tool.Run(Nvim!, $"--headless --clean -c \"luafile {script}\"", Folder, environment);
                if (!File.Exists(resultFile))
                    throw new InvalidOperationException($"nvim exited {exit} without writing its record:\n{output}\n{Logs(work)}");
                var record = JsonDocument.Parse(File.ReadAllText(resultFile)).RootElement.Clone();
                if (record.TryGetProperty("error", out var error))
                    throw new InvalidOperationException($"The session failed: {error.GetString()}\n{Describe(record)}\n{Logs(work)}");
                return record;
            }
            finally
            {
                Editor.Delete(work);
            }
        }

        private static string Describe(JsonElement record) => JsonSerializer.Serialize(record, new JsonSerializerOptions { WriteIndented = true });

        /// <summary>Neovim's LSP log (where the server's stderr goes), for a failure's message.</summary>
        private static string Logs(string work)
            => string.Join("\n", Directory.GetFiles(work, "lsp.log", SearchOption.AllDirectories).Select(f => "--- " + f + "\n" + File.ReadAllText(f)));

        public void Dispose() => Editor.Delete(Folder);
    }
}
