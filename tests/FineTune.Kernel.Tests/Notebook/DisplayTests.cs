using FineTune.Kernel.Notebook;
using FineTune.Kernel.Tests.Support;

namespace FineTune.Kernel.Tests.Notebook;

public class DisplayTests
{
    [Fact]
    public void Shown_values_reach_the_sink_in_order()
    {
        var sink = new RecordingSink();
        using (Display.UseFor(sink))
        {
            Display.Show("first");
            42.Show();
        }
        Assert.Equal(["first", 42], sink.Outputs);
    }

    [Fact]
    public void An_update_replaces_the_same_output_in_place()
    {
        var sink = new RecordingSink();
        using (Display.UseFor(sink))
        {
            var progress = Display.Show("0%");
            Display.Show("other");
            progress.Update("50%");
            progress.Update("100%");
        }
        Assert.Equal(["100%", "other"], sink.Outputs);
        Assert.Equal(2, sink.Updates);
    }

    [Fact]
    public void A_kernel_display_function_is_wired_with_one_call_and_updates_go_through_what_it_returned()
    {
        var shown = new List<FakeDisplayedValue>();
        var previous = Display.Sink;
        try
        {
            Display.Use(v => { var d = new FakeDisplayedValue(v); shown.Add(d); return d; });
            var handle = Display.Show("step 1");
            handle.Update("step 2");
        }
        finally { Display.Sink = previous; }

        var only = Assert.Single(shown);
        Assert.Equal("step 2", only.Value);
    }

    // Stands in for Polyglot's DisplayedValue: display(...) returns it, Update(object) replaces the output.
    sealed class FakeDisplayedValue(object? value)
    {
        public object? Value { get; private set; } = value;
        public void Update(object? newValue) => Value = newValue;
    }
}
