using System.Diagnostics;
using FineTune.Samples;

namespace FineTune.Kernel.Tests.Samples;

/// <summary>The seed-1 corpus, generated once for all corpus tests (about 4 MB, a couple of seconds).</summary>
public sealed class CorpusFixture
{
    public CorpusFixture()
    {
        var clock = Stopwatch.StartNew();
        Text = new Corpus(SampleSet.Create()).Generate(seed: 1);
        Seconds = clock.Elapsed.TotalSeconds;
        Normalized = MessyChecks.Normalize(Text.Train + "\n" + Text.Valid);
        LowerTrain = Text.Train.ToLowerInvariant();
    }

    /// <summary>The train text lower-cased, for counting phrases.</summary>
    public string LowerTrain { get; }

    internal CorpusText Text { get; }

    /// <summary>Train and validation text together, normalised as the spec compares texts.</summary>
    public string Normalized { get; }

    public double Seconds { get; }
}
