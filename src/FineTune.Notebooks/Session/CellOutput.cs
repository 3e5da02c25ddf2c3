namespace FineTune.Notebooks.Session;

/// <summary>One output of a cell, in nbformat's four kinds.</summary>
public abstract record CellOutput;

/// <summary>Text the cell wrote to <c>stdout</c> or <c>stderr</c> (consecutive writes merged).</summary>
public sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>A value shown with <c>Display.Show</c> or <c>display(...)</c>; an update replaces it in place.</summary>
public sealed record DisplayOutput(string DisplayId, IReadOnlyDictionary<string, string> Data) : CellOutput;

/// <summary>The value of the cell's trailing expression.</summary>
public sealed record ResultOutput(int ExecutionCount, IReadOnlyDictionary<string, string> Data) : CellOutput;

/// <summary>Why the cell failed: exception type (or "CompilationError"), message, line in the cell, details.</summary>
public sealed record ErrorOutput(string Name, string Message, int? Line, IReadOnlyList<string> Traceback) : CellOutput;
