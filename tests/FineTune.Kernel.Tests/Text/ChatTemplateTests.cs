using FineTune.Kernel.Text;

namespace FineTune.Kernel.Tests.Text;

/// <summary>The Jinja subset chat templates use, rendered with transformers' settings (trim_blocks, lstrip_blocks).</summary>
public class ChatTemplateTests
{
    static string Render(string template, bool addGenerationPrompt = false, Dictionary<string, object?>? variables = null, params ChatMessage[] messages) =>
        ChatTemplate.Parse(template).Render(messages, addGenerationPrompt, variables);

    static readonly ChatMessage[] Conversation = [ChatMessage.System("Be brief."), ChatMessage.User("Hi"), ChatMessage.Assistant("Hello")];

    [Fact]
    public void Block_tags_on_their_own_lines_leave_no_blank_lines_or_indentation()
    {
        const string template = """
            {% for message in messages %}
                {% if message.role == 'user' %}
            U: {{ message.content }}
                {% endif %}
            {% endfor %}
            """;

        Assert.Equal("U: Hi\n", Render(template, messages: Conversation));
    }

    [Fact]
    public void Minus_markers_strip_all_whitespace_on_their_side()
    {
        Assert.Equal("[a]", Render("[  {{- 'a' -}}  \n  ]"));
        Assert.Equal("x", Render("{%- if true -%}\n\n   x   \n{%- endif %}"));
    }

    [Fact]
    public void Loops_know_their_position_neighbours_and_else()
    {
        const string template = "{% for m in messages %}{{ loop.index }}/{{ loop.length }}{{ '^' if loop.first }}{{ '$' if loop.last }}" +
                                "{{ '<' ~ loop.previtem.role if loop.previtem }} {% endfor %}{% for x in [] %}no{% else %}empty{% endfor %}";

        Assert.Equal("1/3^ 2/3<system 3/3$<user empty", Render(template, messages: Conversation));
    }

    [Fact]
    public void A_loop_filter_skips_items_before_numbering_them()
    {
        Assert.Equal("1:user 2:assistant ", Render("{% for m in messages if m.role != 'system' %}{{ loop.index }}:{{ m.role }} {% endfor %}", messages: Conversation));
    }

    [Fact]
    public void Set_inside_a_loop_stays_there_but_a_namespace_carries_out()
    {
        const string template = "{% set count = 0 %}{% set ns = namespace(count=0) %}" +
                                "{% for m in messages %}{% set count = count + 1 %}{% set ns.count = ns.count + 1 %}{% endfor %}{{ count }} {{ ns.count }}";

        Assert.Equal("0 3", Render(template, messages: Conversation));
    }

    [Fact]
    public void Filters_follow_jinja_and_transformers()
    {
        var tools = new Dictionary<string, object?> { ["name"] = "get_weather", ["args"] = new List<object?> { true, null, 1.5, "é\n" } };

        Assert.Equal("""{"name": "get_weather", "args": [true, null, 1.5, "é\n"]}""", Render("{{ tools | tojson }}", variables: new() { ["tools"] = tools }));
        Assert.Equal("{\n  \"a\": [\n    1\n  ]\n}", Render("{{ {'a': [1]} | tojson(indent=2) }}"));
        Assert.Equal("x|3|fallback|a-b|name=get_weather", Render(
            "{{ '  x \n' | trim }}|{{ messages | length }}|{{ missing | default('fallback') }}|{{ ['a', 'b'] | join('-') }}|" +
            "{% for k, v in tools | items %}{% if k == 'name' %}{{ k }}={{ v }}{% endif %}{% endfor %}",
            variables: new() { ["tools"] = tools }, messages: Conversation));
    }

    [Fact]
    public void String_methods_and_slices_behave_as_in_python()
    {
        Assert.Equal("b|['a', 'b c']|True|cba|bc|a", Render(
            "{{ 'a</think>b'.split('</think>')[-1] }}|{{ 'a b c'.split(' ', 1) }}|{{ 'abc'.startswith(('x', 'ab')) }}|" +
            "{{ 'abc'[::-1] }}|{{ 'abc'[1:] }}|{{ '\n a \n'.strip() }}"));
    }

    [Fact]
    public void Values_print_as_python_prints_them()
    {
        Assert.Equal("[1, 'a', None, True]|3.5|3|2.0|2|", Render("{{ [1, 'a', none, true] }}|{{ 7 / 2 }}|{{ 7 // 2 }}|{{ 2.0 }}|{{ -7 % 3 }}|{{ missing }}"));
    }

    [Fact]
    public void Macros_take_arguments_with_defaults()
    {
        Assert.Equal("<b>hi</b><i>yo</i>", Render("{% macro tag(text, name='b') %}<{{ name }}>{{ text }}</{{ name }}>{% endmacro %}{{ tag('hi') }}{{ tag('yo', name='i') }}"));
    }

    [Fact]
    public void Raise_exception_reports_the_templates_own_message()
    {
        var error = Assert.Throws<ChatTemplateException>(() => Render("{% if messages[0].role == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}", messages: Conversation));

        Assert.True(error.RaisedByTemplate);
        Assert.Equal("System role not supported", error.Reason);
    }

    [Fact]
    public void Unsupported_syntax_fails_when_parsing_with_line_column_and_construct()
    {
        var error = Assert.Throws<ChatTemplateException>(() => ChatTemplate.Parse("Hello\n  {% call foo() %}x{% endcall %}", "my-template"));

        Assert.Equal((2, 6), (error.Line, error.Column)); // at "call"
        Assert.Equal("unsupported construct {% call %}", error.Reason);
        Assert.StartsWith("my-template, line 2, column 6:", error.Message);
        Assert.False(error.RaisedByTemplate);
    }

    [Fact]
    public void An_unknown_filter_fails_when_rendering_with_its_position()
    {
        var template = ChatTemplate.Parse("{{ 'x' }}\n{{ 'y' | wordwrap }}");

        var error = Assert.Throws<ChatTemplateException>(() => template.Render([]));

        Assert.Equal("unsupported filter 'wordwrap'", error.Reason);
        Assert.Equal((2, 10), (error.Line, error.Column));
    }

    [Fact]
    public void Type_errors_and_undefined_attributes_name_what_was_wrong()
    {
        Assert.Contains("cannot add a int and a str", Assert.Throws<ChatTemplateException>(() => Render("{{ 1 + 'a' }}")).Reason);
        Assert.Contains("attribute 'role' of an undefined value", Assert.Throws<ChatTemplateException>(() => Render("{{ nothing.role }}")).Reason);
        Assert.Contains("expected", Assert.Throws<ChatTemplateException>(() => ChatTemplate.Parse("{% if %}")).Reason);
        Assert.Contains("never closed", Assert.Throws<ChatTemplateException>(() => ChatTemplate.Parse("{% for m in messages %}")).Reason);
    }
}
