namespace FineTune.Kernel.Text;

/// <summary>
/// One token of an encoded text: its id, its string in the tokenizer's vocabulary (GPT-2 style
/// tokenizers write a leading space as "Ġ", SentencePiece as "▁"), and the characters of the input it
/// came from. Special tokens added around the text (BOS, EOS) cover no characters (Length 0).
/// </summary>
/// <param name="Id">The token id.</param>
/// <param name="Token">The token's string in the vocabulary.</param>
/// <param name="Start">Index of the first input character it covers (UTF-16 units, as <see cref="string"/> indexes).</param>
/// <param name="Length">How many input characters it covers; tokens holding part of one character share that character.</param>
/// <param name="IsSpecial">Whether it is a special token (BOS, EOS, padding, chat markers).</param>
public readonly record struct TextToken(int Id, string Token, int Start, int Length, bool IsSpecial)
{
    /// <summary>Index just past the last input character the token covers.</summary>
    public int End => Start + Length;
}
