using FineTune.Kernel.Runtime;
using FineTune.Kernel.Tests.Support;
using static FineTune.Kernel.Runtime.GlibcxxRequirement;

namespace FineTune.Kernel.Tests.Runtime;

public class GlibcxxRequirementTests
{
    const string Glibcxx332 = GlibcxxRequirement.Version;
    static readonly (string, bool)[] TorchSharpLike = [("GLIBCXX_3.4.30", false), (Glibcxx332, false), ("GLIBCXX_3.4.18", false)];

    [Fact]
    public void A_library_that_requires_the_version_strongly_needs_the_fix()
    {
        Assert.Equal(State.Strong, ReadRequirement(SampleElf.Build(TorchSharpLike), Glibcxx332));
    }

    [Fact]
    public void A_library_that_does_not_require_the_version_needs_no_fix()
    {
        byte[] elf = SampleElf.Build([("GLIBCXX_3.4.30", false), ("GLIBCXX_3.4.18", false)]);
        Assert.Equal(State.Absent, ReadRequirement(elf, Glibcxx332));
    }

    [Fact]
    public void A_file_that_is_not_elf_has_no_requirement()
    {
        Assert.Equal(State.Absent, ReadRequirement("not an ELF file at all, just text"u8.ToArray(), Glibcxx332));
    }

    [Fact]
    public void Making_the_requirement_weak_changes_only_its_flags_and_is_idempotent()
    {
        string path = Path.GetTempFileName();
        try
        {
            byte[] before = SampleElf.Build(TorchSharpLike);
            File.WriteAllBytes(path, before);

            Assert.True(MakeWeak(path));
            byte[] after = File.ReadAllBytes(path);
            Assert.Equal(State.Weak, ReadRequirement(after, Glibcxx332));
            Assert.Equal(State.Strong, ReadRequirement(after, "GLIBCXX_3.4.30"));
            Assert.Single(Enumerable.Range(0, before.Length), i => before[i] != after[i]);

            Assert.False(MakeWeak(path));
            Assert.Equal(after, File.ReadAllBytes(path));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_file_without_the_requirement_is_left_untouched()
    {
        string path = Path.GetTempFileName();
        try
        {
            byte[] before = SampleElf.Build([("GLIBCXX_3.4.30", false)]);
            File.WriteAllBytes(path, before);
            Assert.False(MakeWeak(path));
            Assert.Equal(before, File.ReadAllBytes(path));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_system_libstdcxx_that_defines_the_version_makes_the_fix_unnecessary()
    {
        string newer = Path.GetTempFileName(), older = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(newer, SampleElf.Build([], defined: ["GLIBCXX_3.4", "GLIBCXX_3.4.30", Glibcxx332, "GLIBCXX_3.4.33"]));
            File.WriteAllBytes(older, SampleElf.Build([], defined: ["GLIBCXX_3.4", "GLIBCXX_3.4.29", "GLIBCXX_3.4.30"]));

            Assert.False(SystemLacksVersion(newer));
            Assert.True(SystemLacksVersion(older));
        }
        finally { File.Delete(newer); File.Delete(older); }
    }

    [SkippableFact]
    public void This_process_libstdcxx_is_found_and_read()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "libstdc++ detection is Linux-only");
        string? libstdcxx = FindLoadedLibStdCxx();
        Assert.NotNull(libstdcxx);
        Assert.True(DefinesVersion(File.ReadAllBytes(libstdcxx), "GLIBCXX_3.4"), $"{libstdcxx} should define GLIBCXX_3.4");
    }

    [SkippableFact]
    public void The_built_TorchSharp_native_library_loads_against_this_system()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the native library fix is Linux-only");
        string native = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(native), $"{native} should be in the test output");

        State state = ReadRequirement(File.ReadAllBytes(native), Glibcxx332);
        if (SystemLacksVersion()) Assert.NotEqual(State.Strong, state);
        Assert.Equal("2.10.0.0", TorchInfo.Current().LibTorchVersion);
    }
}
