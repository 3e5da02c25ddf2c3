using System.Text;
using FineTune.Kernel.Tests.Support;
using FineTune.Samples;

namespace FineTune.Kernel.Tests.Samples;

/// <summary>The committed sample files are exactly what the generator writes.</summary>
public class SampleFilesTests
{
    [Fact]
    public void Regenerating_the_samples_gives_files_byte_identical_to_the_committed_ones()
    {
        using var temp = new TempFolder();
        var written = SampleSet.Create().WriteTo(temp.Path);

        Assert.Equal(9, written.Count);
        foreach (var (path, _, _) in written)
        {
            string name = Path.GetRelativePath(temp.Path, path);
            string committed = CommittedSamples.PathOf(name);
            Assert.True(File.Exists(committed), $"data-samples/{name} is written by the generator but not committed");
            string? difference = FirstDifference(File.ReadAllBytes(committed), File.ReadAllBytes(path));
            Assert.True(difference is null, $"data-samples/{name} differs from a fresh run at {difference}; rerun `dotnet run --project data-samples/generator -- samples`");
        }
    }

    [Fact]
    public void Every_committed_text_file_is_utf8_without_a_byte_order_mark_with_unix_line_ends()
    {
        foreach (string name in new[] { "instructions.jsonl", "instructions.test.jsonl", "classification.jsonl", "classification.test.jsonl",
                     "chat.jsonl", "preferences.jsonl", "messy.truth.json", "pretrain/corpus.valid.txt" })
        {
            byte[] bytes = File.ReadAllBytes(CommittedSamples.PathOf(name));
            Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), $"{name} starts with a byte-order mark");
            Assert.DoesNotContain((byte)'\r', bytes);
            Assert.Equal((byte)'\n', bytes[^1]);
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
    }

    /// <summary>"line N: ..." for the first line where the two differ, or null when they are equal.</summary>
    static string? FirstDifference(byte[] expected, byte[] actual)
    {
        if (expected.AsSpan().SequenceEqual(actual)) return null;
        string[] a = Encoding.UTF8.GetString(expected).Split('\n'), b = Encoding.UTF8.GetString(actual).Split('\n');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string left = i < a.Length ? a[i] : "<end of file>", right = i < b.Length ? b[i] : "<end of file>";
            if (left != right) return $"line {i + 1}: committed '{left}', generated '{right}'";
        }
        return "a byte that is not valid UTF-8";
    }
}
