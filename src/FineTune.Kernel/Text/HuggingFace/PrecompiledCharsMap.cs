using System.Buffers.Binary;
using System.Text;

namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>
/// SentencePiece's compiled normalization rules (normalizer_spec.precompiled_charsmap, e.g. nmt_nfkc):
/// a Darts double-array trie over UTF-8 byte sequences whose values point at replacement strings.
/// Layout: a little-endian uint32 trie size, the trie's uint32 units, then NUL-terminated replacements.
/// </summary>
sealed class PrecompiledCharsMap
{
    readonly uint[] units;
    readonly byte[] replacements;

    public PrecompiledCharsMap(byte[] blob, string file)
    {
        if (blob.Length <= 4) throw new InvalidDataException($"{file}: the precompiled character map is too short.");
        uint trieSize = BinaryPrimitives.ReadUInt32LittleEndian(blob);
        if (trieSize >= blob.Length - 4 || trieSize % 4 != 0)
            throw new InvalidDataException($"{file}: the precompiled character map has a trie of {trieSize} bytes in {blob.Length}.");
        units = new uint[trieSize / 4];
        for (int i = 0; i < units.Length; i++) units[i] = BinaryPrimitives.ReadUInt32LittleEndian(blob.AsSpan(4 + i * 4));
        replacements = blob[(4 + (int)trieSize)..];
    }

    /// <summary>The longest rule matching the start of <paramref name="utf8"/>: its replacement and how many bytes it consumes.</summary>
    public (string Replacement, int Length)? LongestMatch(ReadOnlySpan<byte> utf8)
    {
        int best = 0;
        uint bestValue = 0;
        uint position = Offset(units[0]);
        for (int i = 0; i < utf8.Length; i++)
        {
            position ^= utf8[i];
            if (position >= units.Length) break;
            uint unit = units[position];
            if (Label(unit) != utf8[i]) break;
            position ^= Offset(unit);
            if (HasLeaf(unit) && position < units.Length)
            {
                best = i + 1;
                bestValue = units[position] & 0x7FFFFFFF;
            }
        }
        if (best == 0) return null;
        int end = Array.IndexOf(replacements, (byte)0, (int)bestValue);
        return (Encoding.UTF8.GetString(replacements, (int)bestValue, (end < 0 ? replacements.Length : end) - (int)bestValue), best);
    }

    static bool HasLeaf(uint unit) => ((unit >> 8) & 1) == 1;
    static uint Label(uint unit) => unit & ((1u << 31) | 0xFF);
    static uint Offset(uint unit) => (unit >> 10) << (int)((unit & (1u << 9)) >> 6);
}
