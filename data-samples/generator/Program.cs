using System.Diagnostics;

namespace FineTune.Samples;

/// <summary>
/// The sample-data generator:
///   samples [--out DIR]              every sample file (default DIR: data-samples)
///   corpus [--seed N] [--out DIR]    corpus.train.txt and corpus.valid.txt (default: seed 1, artifacts/corpus)
/// </summary>
static class Program
{
    const string Usage = """
        usage:
          samples [--out DIR]              write every sample file into DIR (default: data-samples)
          corpus [--seed N] [--out DIR]    write corpus.train.txt and corpus.valid.txt into DIR (default: seed 1, artifacts/corpus)
        """;

    static int Main(string[] args)
    {
        try
        {
            return args.FirstOrDefault() switch
            {
                "samples" => Samples(Options(args, "--out")),
                "corpus" => CorpusCommand(Options(args, "--out", "--seed")),
                "--help" or "-h" => Help(0),
                _ => Help(2),
            };
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return Help(2);
        }
    }

    static int Help(int code)
    {
        (code == 0 ? Console.Out : Console.Error).WriteLine(Usage);
        return code;
    }

    /// <summary>"--name value" pairs after the command; anything else is an error.</summary>
    static Dictionary<string, string> Options(string[] args, params string[] known)
    {
        var options = new Dictionary<string, string>();
        for (int i = 1; i < args.Length; i += 2)
        {
            if (!known.Contains(args[i])) throw new ArgumentException($"unknown option '{args[i]}' for '{args[0]}'");
            if (i + 1 >= args.Length) throw new ArgumentException($"option '{args[i]}' needs a value");
            options[args[i]] = args[i + 1];
        }
        return options;
    }

    static int Samples(Dictionary<string, string> options)
    {
        string folder = options.GetValueOrDefault("--out", "data-samples");
        var clock = Stopwatch.StartNew();
        foreach (var (path, bytes, lines) in SampleSet.Create().WriteTo(folder))
            Console.WriteLine($"wrote {path} ({bytes:N0} bytes, {lines:N0} lines)");
        Console.WriteLine($"done in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    static int CorpusCommand(Dictionary<string, string> options)
    {
        string folder = options.GetValueOrDefault("--out", Path.Combine("artifacts", "corpus"));
        string seedText = options.GetValueOrDefault("--seed", $"{Seeds.Corpus}");
        if (!int.TryParse(seedText, out int seed)) throw new ArgumentException($"--seed must be an integer, not '{seedText}'");
        var clock = Stopwatch.StartNew();
        CorpusText corpus = new Corpus(SampleSet.Create()).Generate(seed);
        double seconds = clock.Elapsed.TotalSeconds;
        OutputFile.WriteText(Path.Combine(folder, "corpus.train.txt"), corpus.Train);
        OutputFile.WriteText(Path.Combine(folder, "corpus.valid.txt"), corpus.Valid);
        Console.WriteLine($"wrote {Path.Combine(folder, "corpus.train.txt")} ({corpus.Train.Length:N0} bytes, {CorpusStatistics.DistinctWords(corpus.Train):N0} distinct words)");
        Console.WriteLine($"wrote {Path.Combine(folder, "corpus.valid.txt")} ({corpus.Valid.Length:N0} bytes)");
        foreach (var (section, bytes) in corpus.TrainSections)
            Console.WriteLine($"  {section,-10} {bytes,10:N0} bytes  {100.0 * bytes / corpus.Train.Length,5:F1}%");
        Console.WriteLine($"seed {seed}; {corpus.Rejected:N0} drawn documents kept out by the exclusions or already in the validation text; generated in {seconds:F1} s");
        return 0;
    }
}
