using System.Diagnostics;

namespace FineTune.Kernel.Tests.Support;

/// <summary>The outcome of a child process: exit code and everything it wrote.</summary>
sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    /// <summary>Runs <c>dotnet</c> with the given arguments and waits (at most <paramref name="timeout"/>).</summary>
    public static ProcessResult RunDotnet(IEnumerable<string> arguments, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in time");
        }
        return new ProcessResult(process.ExitCode, output.Result, error.Result);
    }
}
