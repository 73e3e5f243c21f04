using System.Text;
using Lantai.Security;

namespace Lantai.Tests.Security;

public sealed class Sm3Tests
{
    [Theory]
    [InlineData("abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")]
    [InlineData("abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd", "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")]
    public void Hash_StandardTestVectors_MatchGbT32905(string input, string expected) =>
        Assert.Equal(expected, Sm3.HashHex(Encoding.ASCII.GetBytes(input)));
}
