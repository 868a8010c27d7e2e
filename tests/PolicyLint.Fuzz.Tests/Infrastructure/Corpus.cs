using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PolicyLint.Fuzz.Tests.Infrastructure
{
    /// <summary>A set of policy files analyzed together: a starter-pack variant, a fixture folder or a single fixture.</summary>
    public sealed class SeedSet
    {
        public SeedSet(string name, IReadOnlyList<SeedFile> files)
        {
            Name = name;
            Files = files;
        }

        public string Name { get; }
        public IReadOnlyList<SeedFile> Files { get; }

        public override string ToString() => Name;
    }

    public sealed class SeedFile
    {
        public SeedFile(string relativePath, byte[] bytes)
        {
            RelativePath = relativePath;
            Bytes = bytes;
        }

        public string RelativePath { get; }
        public byte[] Bytes { get; }
    }

    /// <summary>The real policies the fuzzer mutates: the starter pack when ../shared is present, and the rule fixtures.</summary>
    public static class Corpus
    {
        private static readonly Lazy<IReadOnlyList<SeedSet>> LazySets = new Lazy<IReadOnlyList<SeedSet>>(Load);

        public static IReadOnlyList<SeedSet> Sets => LazySets.Value;

        /// <summary>Used when neither the starter pack nor any fixture is present, so the fuzzer always has a seed.</summary>
        public const string MinimalPolicy =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" +
            "<TrustFrameworkPolicy xmlns=\"http://schemas.microsoft.com/online/cpim/schemas/2013/06\" PolicySchemaVersion=\"0.3.0.0\" TenantId=\"contoso.onmicrosoft.com\" PolicyId=\"B2C_1A_Minimal\" PublicPolicyUri=\"http://contoso.onmicrosoft.com/B2C_1A_Minimal\">\n" +
            "  <BuildingBlocks>\n    <ClaimsSchema>\n      <ClaimType Id=\"email\">\n        <DataType>string</DataType>\n      </ClaimType>\n    </ClaimsSchema>\n  </BuildingBlocks>\n" +
            "  <ClaimsProviders>\n    <ClaimsProvider>\n      <DisplayName>Local</DisplayName>\n      <TechnicalProfiles>\n" +
            "        <TechnicalProfile Id=\"Read\">\n          <Protocol Name=\"Proprietary\" Handler=\"Web.TPEngine.Providers.ClaimsTransformationProtocolProvider, Web.TPEngine, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null\" />\n" +
            "          <OutputClaims>\n            <OutputClaim ClaimTypeReferenceId=\"email\" />\n          </OutputClaims>\n        </TechnicalProfile>\n" +
            "      </TechnicalProfiles>\n    </ClaimsProvider>\n  </ClaimsProviders>\n</TrustFrameworkPolicy>\n";

        private static IReadOnlyList<SeedSet> Load()
        {
            var sets = new List<SeedSet>();
            var pack = FuzzPaths.StarterPack;
            if (pack != null)
            {
                foreach (var dir in Directory.GetDirectories(pack, "*", SearchOption.AllDirectories).OrderBy(d => d, StringComparer.Ordinal))
                {
                    var files = Directory.GetFiles(dir, "*.xml").OrderBy(f => f, StringComparer.Ordinal).ToList();
                    if (files.Count > 0) sets.Add(FromFiles("starterpack/" + Path.GetRelativePath(pack, dir).Replace('\\', '/'), dir, files));
                }
            }
            if (Directory.Exists(FuzzPaths.Fixtures))
            {
                foreach (var kindDir in Directory.GetDirectories(FuzzPaths.Fixtures).SelectMany(r => Directory.GetDirectories(r)).OrderBy(d => d, StringComparer.Ordinal))
                {
                    foreach (var entry in Directory.GetFileSystemEntries(kindDir).OrderBy(e => e, StringComparer.Ordinal))
                    {
                        string name = "fixtures/" + Path.GetRelativePath(FuzzPaths.Fixtures, entry).Replace('\\', '/');
                        if (Directory.Exists(entry))
                        {
                            var files = Directory.GetFiles(entry, "*.xml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();
                            if (files.Count > 0) sets.Add(FromFiles(name, entry, files));
                        }
                        else if (entry.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                        {
                            sets.Add(FromFiles(name, kindDir, new List<string> { entry }));
                        }
                    }
                }
            }
            if (sets.Count == 0)
                sets.Add(new SeedSet("minimal", new[] { new SeedFile("Minimal.xml", new System.Text.UTF8Encoding(false).GetBytes(MinimalPolicy)) }));
            return sets;
        }

        private static SeedSet FromFiles(string name, string root, List<string> files)
            => new SeedSet(name, files.Select(f => new SeedFile(Path.GetRelativePath(root, f), File.ReadAllBytes(f))).ToList());
    }
}
