using System.Text.Json.Nodes;

namespace FineTune.Kernel.Data;

/// <summary>What a file reader yields for one record: the parsed object, or why there is none.</summary>
readonly record struct SourceRecord(int Position, JsonObject? Record, DataProblem? Problem)
{
    public static SourceRecord Bad(int position, string reason) => new(position, null, new DataProblem(position, null, reason));
}

/// <summary>Every record of a file, and the facts about the file a load report gives.</summary>
sealed record SourceFile(string Kind, string PositionName, IReadOnlyList<SourceRecord> Records, int BlankLines, bool HadByteOrderMark);
