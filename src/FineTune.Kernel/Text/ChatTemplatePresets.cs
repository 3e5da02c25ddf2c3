namespace FineTune.Kernel.Text;

/// <summary>Chat templates by name, for models whose tokenizer_config.json has none.</summary>
static class ChatTemplatePresets
{
    /// <summary>&lt;|im_start|&gt;role\ncontent&lt;|im_end|&gt;\n, as Qwen and SmolLM use (no default system message).</summary>
    const string ChatMl =
        "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}" +
        "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    /// <summary>Llama 2 chat: [INST] ... [/INST] turns, the system message inside the first one between &lt;&lt;SYS&gt;&gt; markers.</summary>
    const string Llama2 =
        "{% if messages[0]['role'] == 'system' %}{% set loop_messages = messages[1:] %}{% set system_message = messages[0]['content'] %}" +
        "{% else %}{% set loop_messages = messages %}{% set system_message = false %}{% endif %}" +
        "{% for message in loop_messages %}" +
        "{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}" +
        "{% if loop.index0 == 0 and system_message != false %}{% set content = '<<SYS>>\\n' + system_message + '\\n<</SYS>>\\n\\n' + message['content'] %}" +
        "{% else %}{% set content = message['content'] %}{% endif %}" +
        "{% if message['role'] == 'user' %}{{ bos_token + '[INST] ' + content.strip() + ' [/INST]' }}" +
        "{% elif message['role'] == 'assistant' %}{{ ' ' + content.strip() + ' ' + eos_token }}{% endif %}{% endfor %}";

    /// <summary>Llama 3: header markers around the role, &lt;|eot_id|&gt; after each message, BOS first.</summary>
    const string Llama3 =
        "{% for message in messages %}{% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n' + message['content'] | trim + '<|eot_id|>' %}" +
        "{% if loop.index0 == 0 %}{% set content = bos_token + content %}{% endif %}{{ content }}{% endfor %}" +
        "{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}";

    /// <summary>Zephyr (TinyLlama chat): &lt;|role|&gt;\ncontent then EOS, each on its own line.</summary>
    const string Zephyr =
        "{% for message in messages %}{{ '<|' + message['role'] + '|>\\n' + message['content'] + eos_token + '\\n' }}" +
        "{% if loop.last and add_generation_prompt %}{{ '<|assistant|>\\n' }}{% endif %}{% endfor %}";

    /// <summary>Stanford Alpaca's prompt: a preamble (or the system message), ### Instruction:, ### Response:.</summary>
    const string Alpaca =
        "{% if messages and messages[0]['role'] == 'system' %}{{ messages[0]['content'] + '\\n\\n' }}{% set loop_messages = messages[1:] %}" +
        "{% else %}{{ 'Below is an instruction that describes a task. Write a response that appropriately completes the request.\\n\\n' }}{% set loop_messages = messages %}{% endif %}" +
        "{% for message in loop_messages %}{% if message['role'] == 'user' %}{{ '### Instruction:\\n' + message['content'] + '\\n\\n' }}" +
        "{% elif message['role'] == 'assistant' %}{{ '### Response:\\n' + message['content'] }}{% if not loop.last %}{{ '\\n\\n' }}{% endif %}" +
        "{% else %}{{ raise_exception('Alpaca knows system, user and assistant messages, not ' + message['role']) }}{% endif %}{% endfor %}" +
        "{% if add_generation_prompt %}{{ '### Response:\\n' }}{% endif %}";

    /// <summary>Just the contents, separated by blank lines: for base models that never saw chat markers.</summary>
    const string Plain =
        "{% for message in messages %}{{ message['content'] }}{% if not loop.last %}{{ '\\n\\n' }}{% endif %}{% endfor %}" +
        "{% if add_generation_prompt and messages %}{{ '\\n\\n' }}{% endif %}";

    static readonly Dictionary<string, string> Sources = new(StringComparer.OrdinalIgnoreCase)
    {
        ["chatml"] = ChatMl,
        ["llama2"] = Llama2,
        ["llama3"] = Llama3,
        ["zephyr"] = Zephyr,
        ["alpaca"] = Alpaca,
        ["plain"] = Plain,
    };

    public static IReadOnlyList<string> Names { get; } = [.. Sources.Keys];

    public static string Source(string name) => Sources.TryGetValue(name, out var source) ? source
        : throw new ArgumentException($"'{name}' is not a chat template preset. Presets: {string.Join(", ", Names)}.", nameof(name));
}
