using System;
using System.Collections.Generic;
using System.IO;

namespace PolicyLint.Analysis
{
    /// <summary>
    /// How a message names a file: relative to a root folder (the project's, or the inputs' common folder), so the output of
    /// a build does not depend on where the repository was checked out and does not show the build machine's folders.
    /// </summary>
    public static class DisplayPaths
    {
        private static readonly StringComparison PathComparison =
            Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        /// <summary>The deepest folder that holds every path, or null when they share none (different drives).</summary>
        public static string? CommonDirectory(IEnumerable<string> paths)
        {
            string[]? common = null;
            foreach (var path in paths)
            {
                string? folder = Folder(path);
                if (folder == null) continue;
                var parts = Split(folder);
                if (common == null) { common = parts; continue; }
                int n = 0;
                while (n < common.Length && n < parts.Length && string.Equals(common[n], parts[n], PathComparison)) n++;
                if (n == 0) return null;
                if (n < common.Length) Array.Resize(ref common, n);
            }
            return common == null ? null : Join(common);
        }

        /// <summary>The path relative to <paramref name="root"/> with '/' separators ("../x.xml" when outside it); the path itself when no root applies.</summary>
        public static string Relative(string? root, string path)
        {
            string full;
            try { full = Path.GetFullPath(path); }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException || ex is System.Security.SecurityException) { return path; }
            if (string.IsNullOrEmpty(root)) return full;
            string[] from, to = Split(full);
            try { from = Split(Path.GetFullPath(root)); }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException || ex is System.Security.SecurityException) { return full; }
            int n = 0;
            while (n < from.Length && n < to.Length - 1 && string.Equals(from[n], to[n], PathComparison)) n++;
            if (n == 0) return full; // another drive: nothing shorter is true
            var parts = new List<string>();
            for (int i = n; i < from.Length; i++) parts.Add("..");
            for (int i = n; i < to.Length; i++) parts.Add(to[i]);
            return string.Join("/", parts);
        }

        private static string? Folder(string path)
        {
            try { return Path.GetDirectoryName(Path.GetFullPath(path)); }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException || ex is System.Security.SecurityException) { return null; }
        }

        // "/a/b" → ["", "a", "b"]; "C:\a" → ["C:", "a"]: the first part is the root, so paths on different roots share nothing.
        private static string[] Split(string full)
            => full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);

        private static string Join(string[] parts)
        {
            string joined = string.Join(Path.DirectorySeparatorChar.ToString(), parts);
            return joined.Length == 0 || joined.EndsWith(":", StringComparison.Ordinal) ? joined + Path.DirectorySeparatorChar : joined;
        }
    }
}
