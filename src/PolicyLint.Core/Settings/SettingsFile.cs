using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PolicyLint.Analysis;
using PolicyLint.Common;

namespace PolicyLint.Settings
{
    /// <summary>One entry of Environments[] in the B2C VS Code extension's appsettings.json.</summary>
    public sealed class SettingsEnvironment
    {
        internal SettingsEnvironment(string name, bool production, string? tenant, IReadOnlyDictionary<string, string?> policySettings)
        {
            Name = name;
            Production = production;
            Tenant = tenant;
            PolicySettings = policySettings;
        }

        public string Name { get; }
        public bool Production { get; }
        public string? Tenant { get; }
        /// <summary>PolicySettings as written (case-sensitive keys, as the extension replaces them); null = JSON null.</summary>
        public IReadOnlyDictionary<string, string?> PolicySettings { get; }

        /// <summary>
        /// What {Settings:Key} becomes when the extension builds this environment: Tenant comes from the
        /// environment's Tenant field (replaced first, so a PolicySettings "Tenant" never applies), the rest from
        /// PolicySettings. Keys without a value (JSON null) are left out.
        /// </summary>
        public IReadOnlyDictionary<string, string> Values()
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in PolicySettings)
                if (pair.Value != null && pair.Key != "Tenant") values[pair.Key] = pair.Value;
            if (Tenant != null) values["Tenant"] = Tenant;
            return values;
        }

        public override string ToString() => Name;
    }

    /// <summary>The settings file, or why it cannot be used (reported as PL7009 at <see cref="ErrorOffset"/>).</summary>
    public sealed class SettingsFile
    {
        private SettingsFile(string path, string text) { Path = path; Text = text; }

        public string Path { get; }
        public string Text { get; }
        public IReadOnlyList<SettingsEnvironment> Environments { get; private set; } = Array.Empty<SettingsEnvironment>();
        public string? Error { get; private set; }
        public int ErrorOffset { get; private set; }
        public bool IsValid => Error == null;
        /// <summary>Offset of the "Environments" name, where problems with the list as a whole are reported.</summary>
        public int EnvironmentsOffset { get; private set; }

        public static SettingsFile Load(string path)
        {
            string text;
            try
            {
                using (var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true))
                    text = reader.ReadToEnd();
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException || ex is System.Security.SecurityException)
            {
                var unreadable = new SettingsFile(path, string.Empty);
                unreadable.Fail("the file could not be read: " + ex.Message, 0);
                return unreadable;
            }
            return Parse(path, text);
        }

        public static SettingsFile Parse(string path, string text)
        {
            var file = new SettingsFile(path, text);
            try
            {
                file.Read(JsonParser.Parse(text));
            }
            catch (JsonSyntaxException ex)
            {
                file.Fail("it is not valid JSON: " + ex.Message, ex.Offset);
            }
            return file;
        }

        private void Fail(string message, int offset)
        {
            Error = message;
            ErrorOffset = offset;
            Environments = Array.Empty<SettingsEnvironment>();
        }

        // The checks follow what the extension's "Build all policies" needs to produce each environment.
        private void Read(JsonValue root)
        {
            if (!(root is JsonObject rootObject)) { Fail($"the root is {root.Kind}; expected an object with \"Environments\"", root.Start); return; }
            var environmentsMember = rootObject.Member("Environments");
            if (environmentsMember == null)
            {
                Fail("it has no \"Environments\" array" + Hint("Environments", rootObject), NameOrStart(rootObject, "Environments"));
                return;
            }
            EnvironmentsOffset = environmentsMember.NameStart;
            if (!(environmentsMember.Value is JsonArray array)) { Fail($"\"Environments\" is {environmentsMember.Value.Kind}; expected an array of environments", environmentsMember.Value.Start); return; }

            var environments = new List<SettingsEnvironment>();
            var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in array.Items)
            {
                if (!(item is JsonObject env)) { Fail($"an entry of \"Environments\" is {item.Kind}; expected an object with Name, Tenant and PolicySettings", item.Start); return; }
                var nameMember = env.Member("Name");
                if (nameMember == null) { Fail("an environment has no \"Name\"" + Hint("Name", env), NameOrStart(env, "Name")); return; }
                if (!(nameMember.Value is JsonString name) || name.Value.Trim().Length == 0) { Fail("an environment's \"Name\" must be a non-empty string", nameMember.Value.Start); return; }
                if (names.ContainsKey(name.Value)) { Fail($"the environment name \"{name.Value}\" appears twice", name.Start); return; }
                names[name.Value] = name.Start;

                bool production = false;
                var productionMember = env.Member("Production");
                if (productionMember != null)
                {
                    var flag = (productionMember.Value as JsonLiteral)?.AsBoolean;
                    if (flag == null) { Fail($"\"Production\" of environment \"{name.Value}\" is {productionMember.Value.Kind}; expected true or false", productionMember.Value.Start); return; }
                    production = flag.Value;
                }

                string? tenant = null;
                var tenantMember = env.Member("Tenant");
                if (tenantMember != null)
                {
                    if (tenantMember.Value is JsonString t) tenant = t.Value;
                    else if (!(tenantMember.Value is JsonLiteral l && l.IsNull)) { Fail($"\"Tenant\" of environment \"{name.Value}\" is {tenantMember.Value.Kind}; expected a string such as \"contoso.onmicrosoft.com\"", tenantMember.Value.Start); return; }
                }

                var settingsMember = env.Member("PolicySettings");
                if (settingsMember == null)
                {
                    // The extension refuses to build such an environment ("Accepted PolicySettings element is missing").
                    Fail($"environment \"{name.Value}\" has no \"PolicySettings\" object" + Hint("PolicySettings", env), NameOrStart(env, "PolicySettings"));
                    return;
                }
                if (!(settingsMember.Value is JsonObject settingsObject)) { Fail($"\"PolicySettings\" of environment \"{name.Value}\" is {settingsMember.Value.Kind}; expected an object of \"Key\": \"value\" pairs", settingsMember.Value.Start); return; }
                var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var member in settingsObject.Members)
                {
                    switch (member.Value)
                    {
                        case JsonString s: settings[member.Name] = s.Value; break;
                        case JsonLiteral l: settings[member.Name] = l.IsNull ? null : l.Text; break;
                        default:
                            Fail($"setting \"{member.Name}\" of environment \"{name.Value}\" is {member.Value.Kind}; a setting's value must be a string, number or boolean", member.Value.Start);
                            return;
                    }
                }
                environments.Add(new SettingsEnvironment(name.Value, production, tenant, settings));
            }
            Environments = environments;
        }

        private static int NameOrStart(JsonObject obj, string expected)
        {
            var near = NearMember(expected, obj);
            return near?.NameStart ?? obj.Start;
        }

        private static JsonMember? NearMember(string expected, JsonObject obj)
        {
            string? nearest = DidYouMean.Nearest(expected, obj.Members.Select(m => m.Name));
            return nearest == null ? null : obj.Members.LastOrDefault(m => m.Name == nearest);
        }

        private static string Hint(string expected, JsonObject obj)
        {
            var near = NearMember(expected, obj);
            if (near == null) return string.Empty;
            string caseNote = string.Equals(near.Name, expected, StringComparison.OrdinalIgnoreCase) ? " (names are case-sensitive)" : string.Empty;
            return $"{caseNote}. Did you mean \"{expected}\" instead of \"{near.Name}\"?";
        }
    }
}
