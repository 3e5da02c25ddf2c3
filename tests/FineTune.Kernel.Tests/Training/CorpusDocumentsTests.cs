using FineTune.Kernel.Training;

namespace FineTune.Kernel.Tests.Training;

public class CorpusDocumentsTests
{
    [Fact]
    public void Documents_are_the_paragraphs_between_blank_lines_with_their_inner_line_breaks_kept()
    {
        string text = "First story.\nIt has two lines.\n\nSecond story.\r\n\r\n  \n\t\nThird.  \n\n\n";

        Assert.Equal(["First story.\nIt has two lines.", "Second story.", "Third."], CorpusDocuments.Split(text));
    }

    [Fact]
    public void A_missing_corpus_file_is_named_in_the_error()
    {
        var error = Assert.Throws<FileNotFoundException>(() => CorpusDocuments.Read("no/such/corpus.txt"));

        Assert.Contains("no/such/corpus.txt", error.Message);
    }
}
