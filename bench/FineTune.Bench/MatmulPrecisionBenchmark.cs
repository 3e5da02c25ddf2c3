using BenchmarkDotNet.Attributes;
using FineTune.Kernel.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace FineTune.Bench;

/// <summary>
/// Why the kit offers bfloat16 on CPU: a 1024x1024 matmul in bf16 against the fp32 baseline.
/// </summary>
public class MatmulPrecisionBenchmark
{
    Tensor a32 = null!, b32 = null!, a16 = null!, b16 = null!;

    [GlobalSetup]
    public void Setup()
    {
        TorchNative.EnsureLoaded();
        manual_seed(0);
        a32 = randn(1024, 1024);
        b32 = randn(1024, 1024);
        a16 = a32.to(ScalarType.BFloat16);
        b16 = b32.to(ScalarType.BFloat16);
    }

    [Benchmark(Baseline = true)]
    public void Float32() { using var _ = a32.matmul(b32); }

    [Benchmark]
    public void BFloat16() { using var _ = a16.matmul(b16); }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var t in new[] { a32, b32, a16, b16 }) t.Dispose();
    }
}
