namespace FineTune.Kernel.Text.HuggingFace;

/// <summary>
/// A token the tokenizer matches as a whole in the input before anything else runs
/// (Hugging Face "added tokens": special tokens such as &lt;|endoftext|&gt;, and user-added words).
/// </summary>
/// <param name="Id">Its id.</param>
/// <param name="Content">The exact text that stands for it.</param>
/// <param name="Special">Special tokens are dropped by decode when asked to skip special tokens.</param>
/// <param name="Normalized">Matched after normalization (true) or on the raw input (false).</param>
/// <param name="LStrip">Also swallows the whitespace on its left.</param>
/// <param name="RStrip">Also swallows the whitespace on its right.</param>
/// <param name="SingleWord">Only matched when it is not inside a word.</param>
sealed record AddedToken(int Id, string Content, bool Special, bool Normalized = false,
    bool LStrip = false, bool RStrip = false, bool SingleWord = false);
