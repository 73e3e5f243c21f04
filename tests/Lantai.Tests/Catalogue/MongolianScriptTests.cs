using Lantai.Catalogue;

namespace Lantai.Tests.Catalogue;

public sealed class MongolianScriptTests
{
    [Theory]
    [InlineData("ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ", true)]
    [InlineData("关于ᠮᠣᠩᠭᠣᠯ的通知", true)]
    [InlineData("ᠠ\u180B", true)]
    [InlineData("Монгол бичиг", false)]
    [InlineData("关于档案工作的通知", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Contains_FindsTraditionalMongolianOnly(string? text, bool expected)
    {
        Assert.Equal(expected, MongolianScript.Contains(text));
        Assert.Equal(expected ? "mn-Mong" : null, MongolianScript.LanguageOf(text));
    }
}
