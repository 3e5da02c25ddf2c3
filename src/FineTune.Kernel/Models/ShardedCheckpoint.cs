using System.Text.Json;

namespace FineTune.Kernel.Models;

/// <summary>
/// The safetensors files of one checkpoint: a single model.safetensors, or the shards listed by a
/// model.safetensors.index.json <c>weight_map</c>. Checks that the index and the shards agree
/// (every listed tensor is in its shard, no tensor is in two shards, no shard holds unlisted tensors).
/// </summary>
sealed class ShardedCheckpoint : IDisposable
{
    public const string SingleFileName = "model.safetensors";
    public const string IndexFileName = "model.safetensors.index.json";

    readonly List<SafetensorsFile> files = [];
    readonly Dictionary<string, SafetensorsFile> fileOf = new(StringComparer.Ordinal);

    ShardedCheckpoint(string description) => Description = description;

    /// <summary>The file or index the checkpoint was opened from (for messages).</summary>
    public string Description { get; }

    /// <summary>Every tensor name, each with the file that holds it.</summary>
    public IReadOnlyDictionary<string, SafetensorsFile> Tensors => fileOf;

    /// <summary>Opens a model folder (model.safetensors or the index), a .safetensors file, or an index .json file.</summary>
    public static ShardedCheckpoint Open(string path)
    {
        if (Directory.Exists(path))
        {
            string index = Path.Combine(path, IndexFileName), single = Path.Combine(path, SingleFileName);
            if (File.Exists(index)) return OpenIndex(index);
            if (File.Exists(single)) return OpenSingle(single);
            throw new FileNotFoundException($"{path} holds neither {SingleFileName} nor {IndexFileName} (only safetensors checkpoints are supported)", single);
        }
        if (!File.Exists(path)) throw new FileNotFoundException($"checkpoint not found: {path}", path);
        return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? OpenIndex(path) : OpenSingle(path);
    }

    static ShardedCheckpoint OpenSingle(string path)
    {
        var checkpoint = new ShardedCheckpoint(path);
        try
        {
            checkpoint.Add(SafetensorsFile.Open(path), null);
            return checkpoint;
        }
        catch
        {
            checkpoint.Dispose();
            throw;
        }
    }

    static ShardedCheckpoint OpenIndex(string indexPath)
    {
        var weightMap = ReadWeightMap(indexPath);
        var checkpoint = new ShardedCheckpoint(indexPath);
        try
        {
            string folder = Path.GetDirectoryName(Path.GetFullPath(indexPath))!;
            var shards = weightMap.GroupBy(pair => pair.Value, pair => pair.Key).ToList();
            foreach (var shard in shards)
                if (!File.Exists(Path.Combine(folder, shard.Key)))
                    throw new SafetensorsException(indexPath, shard.First(), $"the index puts this tensor in shard '{shard.Key}', which does not exist");
            foreach (var shard in shards)
                checkpoint.Add(SafetensorsFile.Open(Path.Combine(folder, shard.Key)), shard.ToHashSet(StringComparer.Ordinal));
            return checkpoint;
        }
        catch
        {
            checkpoint.Dispose();
            throw;
        }
    }

    static Dictionary<string, string> ReadWeightMap(string indexPath)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(indexPath));
            if (!document.RootElement.TryGetProperty("weight_map", out var map) || map.ValueKind != JsonValueKind.Object)
                throw new SafetensorsException(indexPath, null, "the index has no 'weight_map' object");
            var weightMap = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in map.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String)
                    throw new SafetensorsException(indexPath, entry.Name, "weight_map values must be shard file names");
                string shard = entry.Value.GetString()!;
                if (shard != Path.GetFileName(shard))
                    throw new SafetensorsException(indexPath, entry.Name, $"shard '{shard}' must be a file name in the index's folder");
                if (!weightMap.TryAdd(entry.Name, shard))
                    throw new SafetensorsException(indexPath, entry.Name, "weight_map lists this tensor twice");
            }
            return weightMap;
        }
        catch (JsonException e)
        {
            throw new SafetensorsException(indexPath, null, $"the index is not valid JSON ({e.Message})");
        }
    }

    void Add(SafetensorsFile file, HashSet<string>? listed)
    {
        files.Add(file);
        foreach (var entry in file.Entries)
        {
            if (listed is not null && !listed.Contains(entry.Name))
                throw new SafetensorsException(file.Path, entry.Name, $"this shard holds a tensor that {IndexFileName} does not list for it");
            if (!fileOf.TryAdd(entry.Name, file))
                throw new SafetensorsException(file.Path, entry.Name, $"this tensor is also in {fileOf[entry.Name].Path}");
        }
        if (listed is not null)
            foreach (string name in listed)
                if (!file.Contains(name))
                    throw new SafetensorsException(file.Path, name, "the index lists this tensor in this shard, but the shard does not hold it");
    }

    public void Dispose()
    {
        foreach (var file in files) file.Dispose();
    }
}
