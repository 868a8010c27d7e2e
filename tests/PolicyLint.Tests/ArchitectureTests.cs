using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using PolicyLint.Analysis;
using Xunit;

namespace PolicyLint.Tests
{
    /// <summary>
    /// The layers of PolicyLint.Core (docs/architecture.md) import only downward. Every type is placed in a layer by
    /// its namespace; the test collects what each type uses (base type, interfaces, fields, signatures, attributes,
    /// and the types, methods and fields its IL names) and fails on any use of a layer above.
    /// </summary>
    public sealed class ArchitectureTests
    {
        /// <summary>Bottom to top; a namespace belongs to the longest prefix listed. Each layer may use only those before it.</summary>
        public static readonly string[] Layers =
        {
            "PolicyLint.Model",
            "PolicyLint.Common",
            "PolicyLint.Catalogs",
            "PolicyLint.Resolution",
            "PolicyLint.Analysis",
            "PolicyLint.Rules",
            "PolicyLint.Navigation",
            "PolicyLint.Settings",
            "PolicyLint.Configuration",
            "PolicyLint.Reporting",
            "PolicyLint.Pipeline",
        };

        /// <summary>Back edges kept on purpose, "FromType -> ToType" with the reason. Any other back edge fails.</summary>
        private static readonly Dictionary<string, string> KnownExceptions = new Dictionary<string, string>
        {
            ["PolicyLint.Analysis.AnalysisRequest -> PolicyLint.Configuration.DiagnosticConfiguration"] =
                "the engine's request also carries the severities the pipeline applies after it; splitting it waits for the workspace (issue 18, item 2)",
        };

        [Fact]
        public void CoreLayersUseOnlyLayersBelowThem()
        {
            var edges = TypeEdges(typeof(PolicyRule).Assembly);
            var problems = BackEdges(edges, Layers)
                .Where(e => !KnownExceptions.ContainsKey(e.From.FullName + " -> " + e.To.FullName))
                .Select(e => Describe(e.From, e.To, Layers))
                .Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        [Fact]
        public void KnownExceptionsAreStillNeeded()
        {
            var found = new HashSet<string>(BackEdges(TypeEdges(typeof(PolicyRule).Assembly), Layers).Select(e => e.From.FullName + " -> " + e.To.FullName));
            Assert.DoesNotContain(KnownExceptions.Keys, k => !found.Contains(k));
        }

        [Fact]
        public void EveryCoreNamespaceHasALayer()
        {
            var unplaced = typeof(PolicyRule).Assembly.GetTypes()
                .Select(t => t.Namespace).Where(n => n != null && n.StartsWith("PolicyLint", StringComparison.Ordinal))
                .Distinct().Where(n => LayerOf(n, Layers) < 0).ToList();
            Assert.Empty(unplaced);
        }

        /// <summary>The check can fail: a planted use of a higher layer, found in this assembly's IL, is reported.</summary>
        [Fact]
        public void APlantedBackEdgeIsCaught()
        {
            var layers = new[] { typeof(Planted.Low.Reader).Namespace!, typeof(Planted.High.Source).Namespace! };
            var found = BackEdges(TypeEdges(typeof(Planted.Low.Reader).Assembly), layers).Select(e => Describe(e.From, e.To, layers)).ToList();
            Assert.Equal(new[] { "Layer PolicyLint.Tests.Planted.Low (type PolicyLint.Tests.Planted.Low.Reader) uses layer PolicyLint.Tests.Planted.High (type PolicyLint.Tests.Planted.High.Source), which is above it" }, found);
        }

        public static IEnumerable<(Type From, Type To)> BackEdges(IEnumerable<(Type From, Type To)> edges, string[] layers)
            => edges.Where(e => LayerOf(e.From.Namespace, layers) >= 0 && LayerOf(e.To.Namespace, layers) > LayerOf(e.From.Namespace, layers));

        private static string Describe(Type from, Type to, string[] layers)
            => $"Layer {layers[LayerOf(from.Namespace, layers)]} (type {from.FullName}) uses layer {layers[LayerOf(to.Namespace, layers)]} (type {to.FullName}), which is above it";

        public static int LayerOf(string? ns, string[] layers)
        {
            int best = -1, bestLength = -1;
            if (ns == null) return -1;
            for (int i = 0; i < layers.Length; i++)
            {
                if ((ns == layers[i] || ns.StartsWith(layers[i] + ".", StringComparison.Ordinal)) && layers[i].Length > bestLength)
                {
                    best = i;
                    bestLength = layers[i].Length;
                }
            }
            return best;
        }

        /// <summary>Every (type, used type) pair of an assembly; nested and compiler-made types count as their outermost type.</summary>
        public static List<(Type From, Type To)> TypeEdges(Assembly assembly)
        {
            var edges = new HashSet<(Type, Type)>();
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var type in assembly.GetTypes())
            {
                var from = Outermost(type);
                void Use(Type? used)
                {
                    foreach (var t in Flatten(used)) edges.Add((from, Outermost(t)));
                }

                Use(type.BaseType);
                foreach (var i in type.GetInterfaces()) Use(i);
                foreach (var a in type.GetCustomAttributesData()) Use(a.AttributeType);
                foreach (var f in type.GetFields(all)) Use(f.FieldType);
                foreach (var p in type.GetProperties(all)) Use(p.PropertyType);
                foreach (var e in type.GetEvents(all)) Use(e.EventHandlerType);
                foreach (var m in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
                {
                    if (m is MethodInfo mi) Use(mi.ReturnType);
                    foreach (var p in m.GetParameters()) Use(p.ParameterType);
                    foreach (var a in m.GetCustomAttributesData()) Use(a.AttributeType);
                    var body = m.GetMethodBody();
                    if (body == null) continue;
                    foreach (var l in body.LocalVariables) Use(l.LocalType);
                    foreach (var used in MembersInIl(m, body.GetILAsByteArray() ?? Array.Empty<byte>())) Use(used);
                }
            }
            return edges.Select(e => (e.Item1, e.Item2)).ToList();
        }

        private static Type Outermost(Type t)
        {
            while (t.DeclaringType != null) t = t.DeclaringType;
            return t;
        }

        private static IEnumerable<Type> Flatten(Type? t)
        {
            if (t == null || t.IsGenericParameter) yield break;
            if (t.HasElementType)
            {
                foreach (var e in Flatten(t.GetElementType())) yield return e;
                yield break;
            }
            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                yield return t.GetGenericTypeDefinition();
                foreach (var a in t.GetGenericArguments())
                    foreach (var e in Flatten(a)) yield return e;
                yield break;
            }
            yield return t;
        }

        private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

        /// <summary>The types named by the tokens of a method body (types, and the declaring and signature types of members).</summary>
        private static IEnumerable<Type?> MembersInIl(MethodBase method, byte[] il)
        {
            var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
            var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
            int i = 0;
            while (i < il.Length)
            {
                short value = il[i] == 0xFE && i + 1 < il.Length ? (short)(0xFE00 | il[i + 1]) : il[i];
                i += il[i] == 0xFE ? 2 : 1;
                if (!OpCodesByValue.TryGetValue(value, out var op)) yield break;
                switch (op.OperandType)
                {
                    case OperandType.InlineNone: break;
                    case OperandType.ShortInlineBrTarget: case OperandType.ShortInlineI: case OperandType.ShortInlineVar: i += 1; break;
                    case OperandType.InlineVar: i += 2; break;
                    case OperandType.InlineI8: case OperandType.InlineR: i += 8; break;
                    case OperandType.InlineSwitch: i += 4 + 4 * BitConverter.ToInt32(il, i); break;
                    case OperandType.InlineField: case OperandType.InlineMethod: case OperandType.InlineTok: case OperandType.InlineType:
                        MemberInfo? member = null;
                        try { member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs); }
                        catch (ArgumentException) { }
                        i += 4;
                        switch (member)
                        {
                            case Type t: yield return t; break;
                            case FieldInfo f: yield return f.DeclaringType; yield return f.FieldType; break;
                            case MethodBase m:
                                yield return m.DeclaringType;
                                if (m is MethodInfo mi)
                                {
                                    yield return mi.ReturnType;
                                    if (mi.IsGenericMethod) foreach (var a in mi.GetGenericArguments()) yield return a;
                                }
                                foreach (var p in m.GetParameters()) yield return p.ParameterType;
                                break;
                        }
                        break;
                    default: i += 4; break;
                }
            }
        }
    }
}

namespace PolicyLint.Tests.Planted.High
{
    /// <summary>A high layer for <see cref="ArchitectureTests.APlantedBackEdgeIsCaught"/>; it may use the low one.</summary>
    internal static class Source
    {
        public static int Value = 1;
        public static int Both() => Value + new Low.Reader().Read();
    }
}

namespace PolicyLint.Tests.Planted.Low
{
    /// <summary>A low layer whose method body reads a field of the high one: the back edge the test must find.</summary>
    internal sealed class Reader
    {
        public int Read() => High.Source.Value;
    }
}
