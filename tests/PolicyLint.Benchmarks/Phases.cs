using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using System.Xml;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Resolution;
using PolicyLint.Pipeline;

namespace PolicyLint.Benchmarks
{
    /// <summary>What the benchmarks measure. Files are read in parallel as the engine reads them, so the ratios compare like with like.</summary>
    public static class Phases
    {
        /// <summary>The floor: an XmlReader with the parser's settings reading every file to the end, building nothing.</summary>
        public static long Floor(Workload workload)
        {
            long nodes = 0;
            foreach (var files in workload.Inputs)
            {
                var counts = new long[files.Length];
                Parallel.For(0, files.Length, i => counts[i] = ReadToEnd(files[i]));
                foreach (var n in counts) nodes += n;
            }
            return nodes;
        }

        public static long ReadToEnd(string file)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 65536, FileOptions.SequentialScan);
            using var reader = XmlReader.Create(stream, PolicyParser.Settings);
            long n = 0;
            while (reader.Read()) n++;
            return n;
        }

        /// <summary>PolicyLint's loading: parse every file into the model and index its declarations.</summary>
        public static List<PolicySet> Load(Workload workload)
        {
            var sets = new List<PolicySet>(workload.Inputs.Count);
            foreach (var files in workload.Inputs)
            {
                var documents = new PolicyDocument[files.Length];
                // As the engine loads: one name table per thread for the build.
                using (var names = new System.Threading.ThreadLocal<System.Xml.XmlNameTable>(() => new System.Xml.NameTable()))
                    Parallel.For(0, files.Length, i => documents[i] = PolicyParser.ParseFile(files[i], names.Value!));
                var policies = new List<PolicyFile>(files.Length);
                foreach (var document in documents) policies.Add(new PolicyFile(document, isReference: false));
                sets.Add(new PolicySet(policies));
            }
            return sets;
        }

        /// <summary>Full analysis: what the build task runs, every rule included.</summary>
        public static int Analyze(Workload workload)
        {
            int diagnostics = 0;
            foreach (var request in workload.Requests) diagnostics += Linter.Run(request).Diagnostics.Count;
            return diagnostics;
        }

        /// <summary>Full analysis with only the given rules (none: load and walk only).</summary>
        public static int Analyze(Workload workload, IEnumerable<PolicyRule> rules)
        {
            int diagnostics = 0;
            var list = new List<PolicyRule>(rules);
            foreach (var request in workload.Requests) diagnostics += PolicyAnalyzer.Analyze(request, list).Diagnostics.Count;
            return diagnostics;
        }
    }
}
