using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using Xunit;

namespace PolicyLint.Tests
{
    /// <summary>
    /// Rules hold no state of their own and manage no cache (docs/contributing.md): what they share is a fact the engine
    /// keeps for as long as it lives (Analysis/Facts.cs). A type under PolicyLint.Rules may have only static fields that are
    /// readonly and of a type that cannot change (<see cref="Immutable"/>), and no method of it calls an engine store.
    /// </summary>
    public sealed class RuleStateTests
    {
        /// <summary>Types a static readonly field of a rule may have: their values cannot change once built.</summary>
        public static readonly Type[] Immutable =
        {
            typeof(string), typeof(decimal), typeof(TimeSpan), typeof(Regex), typeof(DiagnosticDescriptor), typeof(StringComparer),
        };

        /// <summary>Immutable containers: immutable when what they hold is (a table of names, a list of records).</summary>
        public static readonly Type[] ImmutableContainers =
        {
            typeof(FrozenSet<>), typeof(FrozenDictionary<,>), typeof(ImmutableArray<>), typeof(Nullable<>), typeof(KeyValuePair<,>),
        };

        /// <summary>Fact definitions: immutable, and their values are kept by the engine for their lifetime, not by the field.</summary>
        public static readonly Type[] Facts = { typeof(PolicyFact<>), typeof(ScopeFact<>), typeof(FileFact<>), typeof(BuildFact<>) };

        /// <summary>Methods of the engine's stores: only the engine calls them (a rule declares a fact and reads it with Get).</summary>
        private static readonly string[] EngineStoreMethods = { "GetOrAdd", "FirstTime" };

        [Fact]
        public void RulesHoldNoStaticStateAndCallNoEngineStore()
        {
            var problems = Problems(typeof(PolicyRule).Assembly, "PolicyLint.Rules");
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        /// <summary>The check can fail: planted offenders in this assembly are each reported, and the allowed fields are not.</summary>
        [Fact]
        public void PlantedOffendersAreCaught()
        {
            var problems = Problems(typeof(RuleStateTests).Assembly, typeof(Planted.RuleState.Memo).Namespace!);
            Assert.Equal(new[]
            {
                "PolicyLint.Tests.Planted.RuleState.Memo.Calls is a static field that is not readonly: a rule holds no state",
                "PolicyLint.Tests.Planted.RuleState.Memo.Counts is static and of type Counter, which can change: declare a fact, or use an immutable type",
                "PolicyLint.Tests.Planted.RuleState.Memo.Letters is static and of type String[], which can change: declare a fact, or use an immutable type",
                "PolicyLint.Tests.Planted.RuleState.Memo.Seen is static and of type Dictionary`2, which can change: declare a fact, or use an immutable type",
                "PolicyLint.Tests.Planted.RuleState.Memo.Shared calls FactStore.GetOrAdd, the engine's store: declare a fact and read it with context.Get",
                "PolicyLint.Tests.Planted.RuleState.Memo.Words is static and of type List`1, which can change: declare a fact, or use an immutable type",
            }, problems);
        }

        public static List<string> Problems(Assembly assembly, string ns)
        {
            var problems = new List<string>();
            const BindingFlags declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
            foreach (var type in assembly.GetTypes().Where(t => t.Namespace == ns || t.Namespace?.StartsWith(ns + ".", StringComparison.Ordinal) == true))
            {
                string name = Name(type);
                foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
                {
                    if (field.IsLiteral || IsLambdaCache(type, field)) continue;
                    if (!field.IsInitOnly) problems.Add($"{name}.{field.Name} is a static field that is not readonly: a rule holds no state");
                    else if (!IsImmutable(field.FieldType, new HashSet<Type>()))
                        problems.Add($"{name}.{field.Name} is static and of type {field.FieldType.Name}, which can change: declare a fact, or use an immutable type");
                }
                foreach (var method in type.GetMethods(declared).Cast<MethodBase>().Concat(type.GetConstructors(declared)))
                {
                    foreach (var called in ArchitectureTests.MembersInIl(method).OfType<MethodBase>().Where(IsEngineStore))
                        problems.Add($"{Name(method.DeclaringType!)}.{Caller(method)} calls {called.DeclaringType!.Name}.{called.Name}, the engine's store: declare a fact and read it with context.Get");
                }
            }
            return problems.Distinct().OrderBy(p => p, StringComparer.Ordinal).ToList();
        }

        private static bool IsEngineStore(MethodBase method)
            => EngineStoreMethods.Contains(method.Name)
               && method.DeclaringType?.Namespace is string ns && (ns.StartsWith("PolicyLint.Resolution", StringComparison.Ordinal) || ns.StartsWith("PolicyLint.Analysis", StringComparison.Ordinal));

        /// <summary>The compiler's cache of a delegate for a lambda that captures nothing or a static method: one delegate, made on first use.</summary>
        private static bool IsLambdaCache(Type type, FieldInfo field)
            => type.IsDefined(typeof(CompilerGeneratedAttribute)) && (field.Name.StartsWith("<>9", StringComparison.Ordinal) || typeof(Delegate).IsAssignableFrom(field.FieldType));

        /// <summary>A lambda's method is named after the method it is written in: "&lt;Initialize&gt;b__0_0" is Initialize.</summary>
        private static string Caller(MethodBase method)
            => method.Name.StartsWith("<", StringComparison.Ordinal) && method.Name.IndexOf('>') > 1 ? method.Name.Substring(1, method.Name.IndexOf('>') - 1) : method.Name;

        /// <summary>The type's name, with a compiler-made nested type (a lambda's closure) named as the type it belongs to.</summary>
        private static string Name(Type type)
        {
            while (type.DeclaringType != null && type.IsDefined(typeof(CompilerGeneratedAttribute))) type = type.DeclaringType;
            return type.FullName!.Replace('+', '.');
        }

        /// <summary>
        /// Listed, or a value that holds nothing else: a primitive, an enum, a delegate, or a sealed class or struct of
        /// PolicyLint whose fields are all readonly and immutable (a record such as a catalog entry built once).
        /// </summary>
        private static bool IsImmutable(Type type, HashSet<Type> seen)
        {
            if (type.IsPrimitive || type.IsEnum || typeof(Delegate).IsAssignableFrom(type) || Immutable.Contains(type)) return true;
            // An array's items can be replaced: a table of constants is an ImmutableArray.
            if (type.IsArray) return false;
            var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
            if (Facts.Contains(definition)) return true;
            if (ImmutableContainers.Contains(definition) || definition.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true)
                return type.GetGenericArguments().All(a => IsImmutable(a, seen));
            if (type.Namespace?.StartsWith("PolicyLint", StringComparison.Ordinal) != true || !(type.IsSealed || type.IsValueType)) return false;
            if (!seen.Add(type)) return true;
            // Its own fields and those of its base types (private ones are listed only by the type that declares them).
            for (var t = type; t != null && t != typeof(object); t = t.BaseType)
                foreach (var f in t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                    if (!f.IsInitOnly || !IsImmutable(f.FieldType, seen)) return false;
            return true;
        }
    }
}

namespace PolicyLint.Tests.Planted.RuleState
{
    /// <summary>A rule's helper that keeps state and reaches into the engine's store: what <see cref="RuleStateTests"/> must find.</summary>
    internal static class Memo
    {
        private static int Calls;
        private static readonly Dictionary<string, int> Seen = new Dictionary<string, int>();
        internal static readonly List<string> Words = new List<string>();
        internal static readonly Counter Counts = new Counter();
        private static readonly string[] Letters = { "a", "b" };

        // Allowed: a constant, an immutable table, a compiled pattern, a fact, a static method's delegate (the compiler caches it).
        private const int Limit = 3;
        private static readonly FrozenSet<string> Names = new[] { "a", "b" }.ToFrozenSet(StringComparer.Ordinal);
        private static readonly Regex Pattern = new Regex("^a+$", RegexOptions.CultureInvariant);
        internal static readonly ScopeFact<object> Declared = Fact.OfScope(scope => new object());
        private static readonly Entry First = new Entry("a");

        public static int Count(string value)
        {
            Calls++;
            if (!Seen.TryGetValue(value, out int n)) Seen[value] = n = Names.Contains(value) || Pattern.IsMatch(value) ? Limit : 0;
            return Words.Count(IsShort) + n + Counts.Next() + Letters.Length + First.Name.Length;
        }

        private static bool IsShort(string word) => word.Length < Limit;

        public static object Shared(PolicyContext context) => context.Scope.Facts.GetOrAdd(Declared, context.Scope, _ => new object());
    }

    /// <summary>A record whose value can change (a mutable field): a static of this type is state.</summary>
    internal sealed class Counter
    {
        private int _count;
        public int Next() => ++_count;
    }

    /// <summary>A record built once: readonly fields of immutable types.</summary>
    internal sealed class Entry
    {
        public Entry(string name) => Name = name;
        public string Name { get; }
    }
}
