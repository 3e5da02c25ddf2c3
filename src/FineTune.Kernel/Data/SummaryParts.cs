namespace FineTune.Kernel.Data;

/// <summary>One field across the dataset: in how many rows it is present, missing (or null) and empty, and its length in characters.</summary>
public sealed record FieldSummary(string Name, int Present, int Missing, int Empty, LengthStats Characters);

/// <summary>How many rows carry a label, and their share of the labelled rows.</summary>
public sealed record LabelCount(string Label, int Rows, double Share);

/// <summary>A review term (from the list given to <see cref="Dataset.Describe(string?, int?, IReadOnlyList{string}?, double)"/>) found in a row.</summary>
public sealed record TermHit(int Position, string Field, string Term);
