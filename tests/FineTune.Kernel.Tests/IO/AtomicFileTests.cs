using FineTune.Kernel.IO;

namespace FineTune.Kernel.Tests.IO;

public class AtomicFileTests
{
    [Fact]
    public void Writing_replaces_the_content_and_leaves_no_temporary_file()
    {
        string folder = Directory.CreateTempSubdirectory().FullName;
        string path = Path.Combine(folder, "config.json");
        File.WriteAllText(path, "old");

        AtomicFile.WriteAllText(path, "new");

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(folder));
    }

    [Fact]
    public void A_write_that_fails_midway_keeps_the_previous_file()
    {
        string folder = Directory.CreateTempSubdirectory().FullName;
        string path = Path.Combine(folder, "adapter.safetensors");
        File.WriteAllText(path, "last good");

        Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("half a fi"u8);
            throw new IOException("disk full");
        }));

        Assert.Equal("last good", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(folder));
    }

    [Fact]
    public void Missing_folders_are_created()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "a", "b", "out.txt");
        AtomicFile.WriteAllText(path, "x");
        Assert.Equal("x", File.ReadAllText(path));
    }
}
