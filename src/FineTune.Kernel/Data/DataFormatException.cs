namespace FineTune.Kernel.Data;

/// <summary>A data file that cannot be read as asked, with the file, the record's position, the field and the reason.</summary>
public sealed class DataFormatException : FormatException
{
    /// <summary>Creates the exception for a problem with one record.</summary>
    public DataFormatException(string filePath, string positionName, DataProblem problem)
        : base($"{filePath}: {problem.Describe(positionName)}")
    {
        FilePath = filePath;
        Problem = problem;
    }

    /// <summary>Creates the exception for a problem with the file as a whole.</summary>
    public DataFormatException(string filePath, string problem, Exception? inner = null)
        : base($"{filePath}: {problem}", inner)
    {
        FilePath = filePath;
    }

    /// <summary>The file that was refused.</summary>
    public string FilePath { get; }

    /// <summary>The record at fault, or null when the problem is the whole file's.</summary>
    public DataProblem? Problem { get; }
}
