using System;
using System.IO;

namespace PolicyLint.Tests.Shared
{
    /// <summary>
    /// Scratch folders for tests, all under one folder per test process that is deleted when the process exits: tests
    /// that copy policies to edit them need not clean up after themselves, and a failed run leaves nothing behind.
    /// </summary>
    internal static class TempFolders
    {
        private static readonly string Root = Path.Combine(Path.GetTempPath(), $"policylint-tests-{Environment.ProcessId}");

        static TempFolders()
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Delete(Root);
            // The test host may be ended without ProcessExit: the folders of processes that are gone are removed here.
            foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), "policylint-tests-*"))
                if (int.TryParse(Path.GetFileName(dir).Substring("policylint-tests-".Length), out int pid) && !IsRunning(pid)) Delete(dir);
        }

        private static bool IsRunning(int pid)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }

        private static void Delete(string dir)
        {
            try { Directory.Delete(dir, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }

        /// <summary>A new folder's path (not created; its parent is).</summary>
        public static string NewPath(string prefix)
        {
            Directory.CreateDirectory(Root);
            return Path.Combine(Root, prefix + Guid.NewGuid().ToString("N").Substring(0, 8));
        }

        /// <summary>A new, empty folder.</summary>
        public static string Create(string prefix) => Directory.CreateDirectory(NewPath(prefix)).FullName;
    }
}
