using System.Text;

namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>
/// GPT-2's reversible map from the 256 byte values to printable characters ("Ġ" is the space byte),
/// so that byte-level vocabularies can be stored as text.
/// </summary>
static class ByteLevelAlphabet
{
    public static readonly char[] ByteToChar = Build();

    static readonly Dictionary<char, byte> CharToByte =
        Enumerable.Range(0, 256).ToDictionary(b => ByteToChar[b], b => (byte)b);

    static char[] Build()
    {
        var map = new char[256];
        int next = 0;
        for (int b = 0; b < 256; b++)
        {
            bool printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            map[b] = printable ? (char)b : (char)(256 + next++);
        }
        return map;
    }

    /// <summary>The UTF-8 bytes of <paramref name="text"/>, each written as its alphabet character.</summary>
    public static string Encode(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var chars = new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++) chars[i] = ByteToChar[bytes[i]];
        return new string(chars);
    }

    /// <summary>
    /// Appends the bytes a token stands for. A token with a character outside the alphabet (an added
    /// token such as "&lt;|endoftext|&gt;" written in plain text) contributes its own UTF-8 bytes, as in Hugging Face.
    /// </summary>
    public static void AppendBytes(string token, List<byte> bytes)
    {
        foreach (char c in token)
            if (!CharToByte.ContainsKey(c)) { bytes.AddRange(Encoding.UTF8.GetBytes(token)); return; }
        foreach (char c in token) bytes.Add(CharToByte[c]);
    }
}
