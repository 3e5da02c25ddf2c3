using TorchSharp;
using static TorchSharp.torch;

namespace FineTune.Kernel.Tests.Runtime;

public class TorchSharpTests
{
    [Fact]
    public void Tensor_arithmetic_gives_the_expected_values()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new float[] { 1, 2, 3, 4 }).reshape(2, 2);
        var b = tensor(new float[] { 5, 6, 7, 8 }).reshape(2, 2);

        Assert.Equal(new float[] { 19, 22, 43, 50 }, a.matmul(b).data<float>().ToArray());
        Assert.Equal(new float[] { 6, 8, 10, 12 }, (a + b).data<float>().ToArray());
        Assert.Equal(10f, a.sum().item<float>());
    }

    [Fact]
    public void Autograd_gradient_matches_the_hand_computed_derivative()
    {
        using var scope = NewDisposeScope();
        // f(x) = sum(x^3 + 2x)  =>  df/dx = 3x^2 + 2  =  [5, 14, 29] at x = [1, 2, 3]
        var x = tensor(new float[] { 1, 2, 3 }, requires_grad: true);
        var f = (x.pow(3) + 2 * x).sum();
        f.backward();

        Assert.Equal(48f, f.item<float>()); // (1 + 2) + (8 + 4) + (27 + 6)
        Assert.Equal(new float[] { 5, 14, 29 }, x.grad!.data<float>().ToArray());
    }

    [Fact]
    public void Linear_layer_gradient_matches_the_outer_product_rule()
    {
        using var scope = NewDisposeScope();
        // y = W x, loss = sum(y)  =>  dloss/dW[i, j] = x[j] for every row i.
        var layer = nn.Linear(3, 2, hasBias: false);
        var x = tensor(new float[] { 0.5f, -1f, 2f });
        layer.call(x).sum().backward();

        Assert.Equal(new float[] { 0.5f, -1f, 2f, 0.5f, -1f, 2f }, layer.weight!.grad!.data<float>().ToArray());
    }
}
