using System.Text;

namespace FineTune.Kernel.Data;

/// <summary>
/// A file's lines, decoded as strict UTF-8 (a byte-order mark is skipped and noted): a line with bytes
/// that are not UTF-8 is reported with the offset of the first bad byte instead of being mangled.
/// </summary>
static class Utf8Lines
{
    static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A line; when it is not valid UTF-8, <see cref="Problem"/> says where and <see cref="Text"/> has U+FFFD for the bad bytes.</summary>
    public readonly record struct Line(int Number, string Text, string? Problem);

    public static (IReadOnlyList<Line> Lines, bool HadByteOrderMark) Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        bool bom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        var lines = new List<Line>();
        int start = bom ? 3 : 0, number = 0;
        while (start < bytes.Length)
        {
            int end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0) end = bytes.Length;
            int length = end - start;
            if (length > 0 && bytes[end - 1] == '\r') length--;
            lines.Add(Decode(++number, bytes.AsSpan(start, length)));
            start = end + 1;
        }
        return (lines, bom);
    }

    static Line Decode(int number, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return new Line(number, Strict.GetString(bytes), null);
        }
        catch (DecoderFallbackException e)
        {
            return new Line(number, Encoding.UTF8.GetString(bytes), $"invalid UTF-8 (byte 0x{bytes[Math.Max(e.Index, 0)]:X2} at column {Math.Max(e.Index, 0) + 1})");
        }
    }
}
