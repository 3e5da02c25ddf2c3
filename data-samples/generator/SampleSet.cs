using System.Text;

namespace FineTune.Samples;

/// <summary>
/// Every sample file, built in memory from the fixed seeds: the two tasks with their held-out
/// files, chat, preferences, the messy file with its truth, and the corpus validation text.
/// </summary>
sealed class SampleSet
{
    SampleSet()
    {
        Split = TaskSplit.Create();
        Instructions = InstructionTasks.Train(Split);
        InstructionsTest = InstructionTasks.Test(Split);
        (Classification, ClassificationTest) = ClassificationTexts.Create();
        Chat = ChatSamples.Create(Split);
        Preferences = PreferenceSamples.Create(Split);
    }

    public TaskSplit Split { get; }
    public List<InstructionRow> Instructions { get; }
    public List<InstructionRow> InstructionsTest { get; }
    public List<LabelledText> Classification { get; }
    public List<LabelledText> ClassificationTest { get; }
    public List<ChatRow> Chat { get; }
    public List<PreferenceRow> Preferences { get; }

    public static SampleSet Create() => new();

    /// <summary>Writes every sample file under <paramref name="folder"/>; returns the paths written and their sizes.</summary>
    public List<(string Path, int Bytes, int Lines)> WriteTo(string folder)
    {
        var written = new List<(string, int, int)>();
        foreach (var (path, bytes) in Files())
        {
            string full = System.IO.Path.Combine(folder, path);
            OutputFile.WriteBytes(full, bytes);
            written.Add((full, bytes.Length, bytes.Count(b => b == '\n')));
        }
        return written;
    }

    /// <summary>Every file the samples command writes, as a path relative to the output folder and its bytes.</summary>
    public List<(string Path, byte[] Bytes)> Files()
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        MessyFile messy = MessySample.Create();
        return
        [
            ("instructions.jsonl", utf8.GetBytes(SampleJson.Lines(Instructions))),
            ("instructions.test.jsonl", utf8.GetBytes(SampleJson.Lines(InstructionsTest))),
            ("classification.jsonl", utf8.GetBytes(SampleJson.Lines(Classification))),
            ("classification.test.jsonl", utf8.GetBytes(SampleJson.Lines(ClassificationTest))),
            ("chat.jsonl", utf8.GetBytes(SampleJson.Lines(Chat))),
            ("preferences.jsonl", utf8.GetBytes(SampleJson.Lines(Preferences))),
            (MessySample.FileName, messy.Jsonl),
            ("messy.truth.json", utf8.GetBytes(messy.TruthJson)),
            ("pretrain/corpus.valid.txt", utf8.GetBytes(new Corpus(this).Valid(Seeds.Corpus))),
        ];
    }
}
