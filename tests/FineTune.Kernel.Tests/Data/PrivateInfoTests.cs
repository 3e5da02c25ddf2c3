using FineTune.Kernel.Data;

namespace FineTune.Kernel.Tests.Data;

public class PrivateInfoTests
{
    [Theory]
    [InlineData("mail ann.lee+ft@example.com today", PrivateInfoKind.Email, "ann.lee+ft@example.com")]
    [InlineData("card 4111 1111 1111 1111 on file", PrivateInfoKind.CardNumber, "4111 1111 1111 1111")]
    [InlineData("card 4111-1111-1111-1111.", PrivateInfoKind.CardNumber, "4111-1111-1111-1111")]
    [InlineData("amex 378282246310005 ok", PrivateInfoKind.CardNumber, "378282246310005")]
    [InlineData("host 192.0.2.17 is up", PrivateInfoKind.IpAddress, "192.0.2.17")]
    [InlineData("ends at 203.0.113.255.", PrivateInfoKind.IpAddress, "203.0.113.255")]
    [InlineData("call (212) 555-0134 now", PrivateInfoKind.Phone, "(212) 555-0134")]
    [InlineData("call 212-555-0178", PrivateInfoKind.Phone, "212-555-0178")]
    [InlineData("ring +44 20 7946 0958 please", PrivateInfoKind.Phone, "+44 20 7946 0958")]
    [InlineData("ring +1 212 555 0199", PrivateInfoKind.Phone, "+1 212 555 0199")]
    public void Each_kind_is_found(string text, PrivateInfoKind kind, string match)
    {
        var hit = PrivateInfo.Find(text).Single();

        Assert.Equal((kind, match), (hit.Kind, text.Substring(hit.Start, hit.Length)));
    }

    [Theory]
    [InlineData("card 4111 1111 1111 1112 fails Luhn")]
    [InlineData("version 2.10.3 released")]
    [InlineData("not an address 300.1.2.3")]
    [InlineData("five parts 1.2.3.4.5")]
    [InlineData("order 12345 shipped on 2024-05-01")]
    [InlineData("short 555-0134")]
    public void Look_alikes_are_not_found(string text)
    {
        Assert.Empty(PrivateInfo.Find(text));
    }

    [Fact]
    public void Luhn_accepts_valid_numbers_and_rejects_a_changed_digit()
    {
        Assert.True(PrivateInfo.PassesLuhn("4111 1111 1111 1111"));
        Assert.True(PrivateInfo.PassesLuhn("5555555555554444"));
        Assert.False(PrivateInfo.PassesLuhn("5555555555554445"));
    }

    [Fact]
    public void Masking_replaces_every_hit_with_its_typed_placeholder()
    {
        string masked = PrivateInfo.Mask("Ann (ann@example.com, 212-555-0134) paid with 4111 1111 1111 1111 from 198.51.100.7.");

        Assert.Equal("Ann ([EMAIL], [PHONE]) paid with [CARD_NUMBER] from [IP_ADDRESS].", masked);
    }

    [Fact]
    public void Hits_in_chat_turns_name_the_turn()
    {
        var data = Dataset.From(DatasetFormat.Chat, [new { messages = new[] { new { role = "user", content = "I'm bob@example.org" }, new { role = "assistant", content = "Hi Bob" } } }]);

        var hit = data.Describe().PrivateInfo.Single();

        Assert.Equal((1, "messages[0].content", PrivateInfoKind.Email, "bob@example.org"), (hit.Position, hit.Field, hit.Kind, hit.Match));
    }
}
