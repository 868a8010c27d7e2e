using System.IO;
using PolicyLint.Analysis;
using Xunit;

namespace PolicyLint.Tests
{
    /// <summary>Messages name other files relative to the project (or the inputs' common folder), never by absolute path.</summary>
    public sealed class DisplayPathsTests
    {
        private static readonly string Root = Path.Combine(Path.GetTempPath(), "policylint-paths", "repo");

        [Fact]
        public void APathUnderTheRootIsNamedFromIt()
            => Assert.Equal("policies/dev/SignUp.xml", DisplayPaths.Relative(Root, Path.Combine(Root, "policies", "dev", "SignUp.xml")));

        [Fact]
        public void APathBesideTheRootClimbsOutOfIt()
            => Assert.Equal("../shared/Base.xml", DisplayPaths.Relative(Root, Path.Combine(Root, "..", "shared", "Base.xml")));

        [Fact]
        public void TheCommonFolderOfInputsInOneFolderIsThatFolder()
        {
            var folder = Path.Combine(Root, "policies");
            Assert.Equal(folder, DisplayPaths.CommonDirectory(new[] { Path.Combine(folder, "A.xml"), Path.Combine(folder, "B.xml") }));
            Assert.Equal("A.xml", DisplayPaths.Relative(DisplayPaths.CommonDirectory(new[] { Path.Combine(folder, "A.xml"), Path.Combine(folder, "B.xml") }), Path.Combine(folder, "A.xml")));
        }

        [Fact]
        public void TheCommonFolderOfNestedInputsIsTheirDeepestSharedFolder()
            => Assert.Equal(Root, DisplayPaths.CommonDirectory(new[] { Path.Combine(Root, "dev", "A.xml"), Path.Combine(Root, "test", "A.xml"), Path.Combine(Root, "Base.xml") }));

        [Fact]
        public void WithoutARootThePathIsFull()
            => Assert.Equal(Path.GetFullPath(Path.Combine(Root, "A.xml")), DisplayPaths.Relative(null, Path.Combine(Root, "A.xml")));
    }
}
