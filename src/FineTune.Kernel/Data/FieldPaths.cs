using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FineTune.Kernel.Data;

/// <summary>Changes text fields named as <see cref="ExampleText.Fields"/> names them: "text" or "messages[2].content".</summary>
static partial class FieldPaths
{
    public static void Update(JsonObject fields, IEnumerable<string> paths, Func<string, string> change) =>
        Update(fields, paths, (_, text) => change(text));

    /// <summary>Sets each field in <paramref name="paths"/> to <paramref name="change"/>(path, current text).</summary>
    public static void Update(JsonObject fields, IEnumerable<string> paths, Func<string, string, string> change)
    {
        foreach (string path in paths)
        {
            var match = TurnPath().Match(path);
            if (!match.Success) fields[path] = change(path, DataRow.TextOf(fields[path]));
            else if (fields[match.Groups[1].Value] is JsonArray turns && turns[int.Parse(match.Groups[2].Value)] is JsonObject turn)
                turn[match.Groups[3].Value] = change(path, DataRow.TextOf(turn[match.Groups[3].Value]));
        }
    }

    [GeneratedRegex(@"^(\w+)\[(\d+)\]\.(\w+)$")]
    private static partial Regex TurnPath();
}
