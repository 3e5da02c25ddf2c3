using System.Text.Json;
using System.Text.Json.Nodes;
using FineTune.Kernel.IO;
using FineTune.Notebooks.Session;

namespace FineTune.Notebooks.Files;

/// <summary>
/// An .ipynb file (nbformat 4) as Polyglot Notebooks writes it. Everything in it that the runner does
/// not fill in (notebook and cell metadata, markdown, attachments) is kept as it was; the runner sets
/// code cells' outputs and execution counts, cell ids where missing, and the <c>.net-csharp</c>
/// kernelspec, and saves it as nbformat 4.5.
/// </summary>
sealed class NotebookDocument
{
    readonly JsonObject root;

    NotebookDocument(string path, JsonObject root, List<NotebookCell> cells)
    {
        Path = path;
        this.root = root;
        Cells = cells;
    }

    /// <summary>Where the notebook was read from.</summary>
    public string Path { get; }

    /// <summary>Every cell, in order.</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>The notebook's file name without extension.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>Reads <paramref name="path"/>; throws <see cref="InvalidDataException"/> naming the file and what is wrong.</summary>
    public static NotebookDocument Load(string path)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new InvalidDataException($"{path}: a notebook must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
        if (root["nbformat"]?.GetValue<int>() != 4)
            throw new InvalidDataException($"{path}: expected nbformat 4, found {root["nbformat"]?.ToJsonString() ?? "none"}.");
        var cells = root["cells"] as JsonArray ?? throw new InvalidDataException($"{path}: no \"cells\" array.");
        string defaultLanguage = root["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>() ?? "csharp";
        var ids = new HashSet<string>();
        var list = cells.Select((cell, i) => NotebookCell.From(cell as JsonObject
            ?? throw new InvalidDataException($"{path}: cell {i + 1} is not a JSON object."), i + 1, defaultLanguage, ids)).ToList();
        return new NotebookDocument(path, root, list);
    }

    /// <summary>Writes the notebook, with the outputs given so far, to <paramref name="path"/> (atomically).</summary>
    public void Save(string path)
    {
        root["nbformat"] = 4;
        root["nbformat_minor"] = Math.Max(5, root["nbformat_minor"]?.GetValue<int>() ?? 0);
        var metadata = root["metadata"] as JsonObject ?? new JsonObject();
        root["metadata"] = metadata;
        metadata["kernelspec"] ??= new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" };
        metadata["language_info"] ??= new JsonObject { ["name"] = "polyglot-notebook" };
        AtomicFile.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}

/// <summary>One cell of a notebook.</summary>
sealed class NotebookCell
{
    readonly JsonObject json;

    NotebookCell(JsonObject json, int number, string type, string source, string language)
    {
        this.json = json;
        Number = number;
        Type = type;
        Source = source;
        Language = language;
    }

    /// <summary>1-based position in the notebook, as a reader counts cells.</summary>
    public int Number { get; }

    /// <summary>"code", "markdown" or "raw".</summary>
    public string Type { get; }

    /// <summary>The cell's text.</summary>
    public string Source { get; }

    /// <summary>The Polyglot kernel the cell is for ("csharp" unless its metadata says otherwise).</summary>
    public string Language { get; }

    /// <summary>The outputs last set on this cell (empty for code cells not run).</summary>
    public IReadOnlyList<CellOutput> Outputs { get; private set; } = [];

    /// <summary>The execution count last set, or null when the cell was not run.</summary>
    public int? ExecutionCount { get; private set; }

    public bool IsCode => Type == "code";

    internal static NotebookCell From(JsonObject json, int number, string defaultLanguage, HashSet<string> ids)
    {
        string type = json["cell_type"]?.GetValue<string>() ?? "raw";
        string source = json["source"] switch
        {
            JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>())),
            JsonValue text => text.GetValue<string>(),
            _ => "",
        };
        var metadata = json["metadata"] as JsonObject ?? new JsonObject();
        json["metadata"] = metadata;
        string language = metadata["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
            ?? metadata["dotnet_interactive"]?["language"]?.GetValue<string>()
            ?? defaultLanguage;
        string? id = json["id"]?.GetValue<string>();
        if (id is null || id.Length > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') || !ids.Add(id))
        {
            id = $"cell-{number}";
            ids.Add(id);
            json["id"] = id;
        }
        var cell = new NotebookCell(json, number, type, source, language);
        if (cell.IsCode) cell.SetOutputs(null, []);
        return cell;
    }

    /// <summary>Replaces this code cell's outputs and execution count (null: not run).</summary>
    public void SetOutputs(int? executionCount, IReadOnlyList<CellOutput> outputs)
    {
        ExecutionCount = executionCount;
        Outputs = outputs;
        json["execution_count"] = executionCount;
        json["outputs"] = new JsonArray(outputs.Select(Nbformat.ToJson).ToArray());
    }
}
