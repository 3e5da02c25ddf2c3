using System.Text.Json.Nodes;

namespace FineTune.Kernel.Tests.Support;

/// <summary>Writes small Polyglot-style .ipynb files for tests, one C# cell per code string.</summary>
static class NotebookFiles
{
    /// <summary>Writes a notebook of <paramref name="cells"/>: strings starting with "# " are markdown, the rest C#.</summary>
    public static string Write(string folder, string name, params string[] cells)
    {
        var list = new JsonArray();
        foreach (var (source, i) in cells.Select((c, i) => (c, i)))
        {
            bool markdown = source.StartsWith("# ");
            var cell = new JsonObject
            {
                ["cell_type"] = markdown ? "markdown" : "code",
                ["id"] = $"c{i}",
                ["metadata"] = markdown ? new JsonObject() : new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
                ["source"] = source,
            };
            if (!markdown)
            {
                cell["execution_count"] = null;
                cell["outputs"] = new JsonArray();
            }
            list.Add(cell);
        }
        var notebook = new JsonObject
        {
            ["cells"] = list,
            ["metadata"] = new JsonObject { ["custom"] = new JsonObject { ["kept"] = true } },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 4,
        };
        string path = Path.Combine(folder, name + ".ipynb");
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }

    /// <summary>The nbformat 4.5 schema from ../shared/fixtures, or null when this machine has none.</summary>
    public static JsonSchemaValidator? Schema() =>
        RepoPaths.SharedFixtures("nbformat") is { } folder ? JsonSchemaValidator.Load(Path.Combine(folder, "nbformat.v4.5.schema.json")) : null;

    /// <summary>The code cells of an executed notebook.</summary>
    public static List<JsonObject> CodeCells(string executedNotebook) =>
        JsonNode.Parse(File.ReadAllText(executedNotebook))!["cells"]!.AsArray()
            .Select(c => c!.AsObject()).Where(c => c["cell_type"]!.GetValue<string>() == "code").ToList();
}
