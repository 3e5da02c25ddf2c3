using System.Text.RegularExpressions;

namespace FineTune.Kernel.Training;

/// <summary>A plain-text corpus as documents: paragraphs separated by one or more blank lines.</summary>
public static partial class CorpusDocuments
{
    [GeneratedRegex(@"\r?\n(?:[ \t]*\r?\n)+")]
    private static partial Regex BlankLines();

    /// <summary>
    /// The documents of <paramref name="text"/>, in order: cut at blank lines (lines that are empty or
    /// hold only spaces and tabs), each trimmed of surrounding whitespace; empty ones are left out.
    /// Line breaks inside a document are kept.
    /// </summary>
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return BlankLines().Split(text).Select(d => d.Trim()).Where(d => d.Length > 0).ToList();
    }

    /// <summary>The documents of a UTF-8 text file (see <see cref="Split"/>).</summary>
    public static IReadOnlyList<string> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"corpus file not found: {path}", path);
        return Split(File.ReadAllText(path));
    }
}
