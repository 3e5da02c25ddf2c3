using System.Text;

namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>One piece of a Unigram vocabulary: its text, log-probability score, and how the lattice treats it.</summary>
/// <param name="Piece">The piece text ("▁the").</param>
/// <param name="Score">Its log probability.</param>
/// <param name="Matchable">Whether text can be matched against it (SentencePiece control and byte pieces cannot).</param>
/// <param name="UserDefined">SentencePiece user-defined pieces always win where they match.</param>
readonly record struct UnigramPiece(string Piece, double Score, bool Matchable = true, bool UserDefined = false);

/// <summary>
/// Unigram language-model tokenization (SentencePiece's default, and tokenizer.json "Unigram"):
/// the split of a word whose pieces have the highest total score (Viterbi), with unknown characters
/// fused into one unknown token or, with byte fallback, written as &lt;0xNN&gt; byte tokens.
/// </summary>
sealed class UnigramModel : ITokenModel
{
    const double UnknownPenalty = 10.0;

    readonly IReadOnlyList<UnigramPiece> pieces;
    readonly Dictionary<string, int> ids = [];
    readonly TrieNode root = new();
    readonly int unknownId;
    readonly bool byteFallback;
    readonly double unknownScore;
    readonly double userDefinedScore;

    public UnigramModel(IReadOnlyList<UnigramPiece> pieces, int unknownId, bool byteFallback)
    {
        this.pieces = pieces;
        this.unknownId = unknownId;
        this.byteFallback = byteFallback;
        for (int id = 0; id < pieces.Count; id++)
        {
            ids.TryAdd(pieces[id].Piece, id);
            if (pieces[id].Matchable) root.Add(pieces[id].Piece, id);
        }
        var scored = pieces.Where(p => p.Matchable && !p.UserDefined).Select(p => p.Score).DefaultIfEmpty(0).ToList();
        unknownScore = scored.Min() - UnknownPenalty;
        userDefinedScore = scored.Max();
    }

    public int Size => pieces.Count;

    public string? IdToToken(int id) => id >= 0 && id < pieces.Count ? pieces[id].Piece : null;

    public int? TokenToId(string token) => ids.TryGetValue(token, out int id) ? id : null;

    public void Encode(string word, List<ModelToken> output)
    {
        var best = Viterbi(word);
        var path = new List<(int Start, int End, int Id)>();
        for (int end = word.Length; end > 0; end = best[end].Start) path.Add((best[end].Start, end, best[end].Id));
        path.Reverse();

        for (int i = 0; i < path.Count; i++)
        {
            var (start, end, id) = path[i];
            if (id != unknownId) { output.Add(new ModelToken(id, pieces[id].Piece, start, end)); continue; }
            if (byteFallback && AddBytes(word, start, end, output)) continue;
            while (!byteFallback && i + 1 < path.Count && path[i + 1].Id == unknownId) end = path[++i].End;
            output.Add(new ModelToken(unknownId, pieces[unknownId].Piece, start, end));
        }
    }

    /// <summary>For each end position, the best-scoring last piece (its start and id).</summary>
    (int Start, int Id, double Score)[] Viterbi(string word)
    {
        var best = new (int Start, int Id, double Score)[word.Length + 1];
        for (int i = 1; i <= word.Length; i++) best[i] = (-1, -1, double.NegativeInfinity);
        for (int start = 0; start < word.Length;)
        {
            int width = char.IsSurrogatePair(word, start) ? 2 : 1;
            bool coversOneChar = false;
            double before = best[start].Score;
            var node = root;
            for (int end = start; end < word.Length && node.Children.TryGetValue(word[end], out node!); end++)
            {
                if (node.Id is not int id) continue;
                int length = end + 1 - start;
                double score = before + (pieces[id].UserDefined ? length * userDefinedScore - 0.1 : pieces[id].Score);
                if (best[end + 1].Start < 0 || score > best[end + 1].Score) best[end + 1] = (start, id, score);
                if (length == width) coversOneChar = true;
            }
            if (!coversOneChar)
            {
                double score = before + unknownScore;
                if (best[start + width].Start < 0 || score > best[start + width].Score) best[start + width] = (start, unknownId, score);
            }
            start += width;
        }
        return best;
    }

    bool AddBytes(string word, int start, int end, List<ModelToken> output)
    {
        var bytes = Encoding.UTF8.GetBytes(word[start..end]);
        var byteIds = bytes.Select(b => TokenToId($"<0x{b:X2}>")).ToList();
        if (byteIds.Any(id => id is null)) return false;
        for (int i = 0; i < bytes.Length; i++) output.Add(new ModelToken(byteIds[i]!.Value, $"<0x{bytes[i]:X2}>", start, end));
        return true;
    }

    sealed class TrieNode
    {
        public Dictionary<char, TrieNode> Children { get; } = [];
        public int? Id { get; private set; }

        public void Add(string piece, int id)
        {
            var node = this;
            foreach (char c in piece)
            {
                if (!node.Children.TryGetValue(c, out var child)) node.Children[c] = child = new TrieNode();
                node = child;
            }
            node.Id ??= id;
        }
    }
}
