using System.Text;

namespace FineTune.Samples;

/// <summary>The corpus text and what went into it.</summary>
sealed record CorpusText(string Train, string Valid, IReadOnlyList<(string Section, long Bytes)> TrainSections, int Rejected);

/// <summary>
/// The pretraining corpus: TinyStories-like English documents (paragraphs separated by blank
/// lines) drawn from seven sections in fixed proportions. The validation text is drawn first
/// from the same seed, so it never depends on the train size, and the train text skips any
/// document that is also in it. Every document passes <see cref="CorpusExclusions"/>.
/// </summary>
sealed class Corpus
{
    public const int TrainBytes = 4_000_000;
    public const int ValidBytes = 200_000;

    /// <summary>One kind of document and how often it is drawn.</summary>
    public sealed record Section(string Name, double Weight, Func<Random, string> Write);

    readonly CorpusExclusions exclusions;

    public Corpus(SampleSet samples)
    {
        exclusions = new CorpusExclusions(samples);
        Sections =
        [
            new("stories", 0.17, new Stories(samples.Split).Write),
            new("facts", 0.16, Facts.Write),
            new("numbers", 0.22, new NumberTalk(samples.Split).Write),
            new("questions", 0.10, new QuestionsAndAnswers(samples.Split).Write),
            new("dialogues", 0.15, new Dialogues(samples.Split).Write),
            new("lists", 0.07, Lists.Write),
            new("topics", 0.13, TopicParagraphs.Write),
        ];
    }

    public IReadOnlyList<Section> Sections { get; }

    /// <summary>corpus.valid.txt for <paramref name="seed"/>, without generating the train text.</summary>
    public string Valid(int seed) => Generate(seed, trainBytes: 0).Valid;

    public CorpusText Generate(int seed, int trainBytes = TrainBytes, int validBytes = ValidBytes)
    {
        var rng = new Random(seed);
        double[] weights = Sections.Select(s => s.Weight).ToArray();
        int rejected = 0;
        var validDocuments = new HashSet<string>(StringComparer.Ordinal);
        long[] sectionBytes = new long[Sections.Count];

        string Fill(int bytes, bool isTrain)
        {
            var text = new StringBuilder(bytes + 4096);
            string previous = "";
            while (text.Length < bytes)
            {
                int section = rng.PickWeighted(weights);
                string document = Sections[section].Write(rng);
                if ((isTrain && validDocuments.Contains(document)) || !Allowed(previous, document)) { rejected++; continue; }
                if (!isTrain) validDocuments.Add(document);
                else sectionBytes[section] += document.Length + 2;
                text.Append(document).Append("\n\n");
                previous = document;
            }
            return text.Length == 0 ? "" : text.ToString(0, text.Length - 1);
        }

        string valid = Fill(validBytes, isTrain: false);
        string train = Fill(trainBytes, isTrain: true);
        return new CorpusText(train, valid, Sections.Select((s, i) => (s.Name, sectionBytes[i])).ToList(), rejected);
    }

    /// <summary>The document passes the exclusions on its own and together with the end of the one before (a text could span the blank line).</summary>
    bool Allowed(string previous, string document)
    {
        if (exclusions.Violation(document) is not null) return false;
        if (previous.Length == 0) return true;
        string tail = previous[Math.Max(0, previous.Length - 2 * exclusions.LongestExcluded)..];
        return exclusions.Violation(tail + "\n\n" + document) is null;
    }
}
