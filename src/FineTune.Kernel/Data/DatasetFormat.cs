namespace FineTune.Kernel.Data;

/// <summary>The shapes of fine-tuning data the kit recognises, by the fields each record has.</summary>
public enum DatasetFormat
{
    /// <summary>Alpaca-style instruction tuning: <c>instruction</c>, optional <c>input</c>, <c>output</c>.</summary>
    Instruction,

    /// <summary><c>prompt</c> and <c>completion</c>, as OpenAI's legacy format and TRL's prompt-completion datasets.</summary>
    PromptCompletion,

    /// <summary>OpenAI chat format: <c>messages</c>, a list of <c>{"role", "content"}</c> objects.</summary>
    Chat,

    /// <summary>ShareGPT: <c>conversations</c>, a list of <c>{"from", "value"}</c> objects.</summary>
    ShareGpt,

    /// <summary>Plain text for language modelling: <c>text</c>.</summary>
    Text,

    /// <summary>Labelled text for classification: <c>text</c> and <c>label</c>.</summary>
    LabelledText,

    /// <summary>Preference pairs for DPO/reward models: <c>prompt</c>, <c>chosen</c>, <c>rejected</c>.</summary>
    Preference,
}
