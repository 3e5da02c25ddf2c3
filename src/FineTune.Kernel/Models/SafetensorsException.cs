namespace FineTune.Kernel.Models;

/// <summary>
/// A safetensors file (or sharded checkpoint) that this reader refuses, with the file and, where
/// the problem belongs to one tensor, that tensor's name.
/// </summary>
public sealed class SafetensorsException : FormatException
{
    /// <summary>Creates the exception; the message names the file and the tensor.</summary>
    public SafetensorsException(string filePath, string? tensorName, string problem)
        : base(tensorName is null ? $"{filePath}: {problem}" : $"{filePath}: tensor '{tensorName}': {problem}")
    {
        FilePath = filePath;
        TensorName = tensorName;
    }

    /// <summary>The file that was refused.</summary>
    public string FilePath { get; }

    /// <summary>The tensor the problem belongs to, or null for problems of the file as a whole (header length, JSON).</summary>
    public string? TensorName { get; }
}
