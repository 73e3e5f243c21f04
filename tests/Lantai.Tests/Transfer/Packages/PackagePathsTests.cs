using Lantai.Transfer.Packages;

namespace Lantai.Tests.Transfer.Packages;

/// <summary>The path rules every entry of a package passes before extraction.</summary>
public sealed class PackagePathsTests
{
    [Theory]
    [InlineData("文书/关于做好主题教育文件材料收集归档工作的通知.pdf")]
    [InlineData("扫描件/第1页（彩色）.tif")]
    [InlineData("ᠮᠣᠩᠭᠣᠯ\u200D/ᠪᠢᠴᠢᠭ.pdf")]
    [InlineData("照片/😀.jpg")]
    [InlineData("a..b/c.pdf")]
    public void Problem_OrdinaryNames_AreFine(string path)
    {
        Assert.Null(PackagePaths.Problem(path, PackageLimits.Default));
    }

    [Theory]
    [InlineData("../x.pdf", "越出包外")]
    [InlineData("a/./b.pdf", "越出包外")]
    [InlineData("a//b.pdf", "空的层级")]
    [InlineData("/x.pdf", "绝对路径")]
    [InlineData("c:x.pdf", "绝对路径")]
    [InlineData("a/b.pdf:stream", "冒号")]
    [InlineData("a\\b.pdf", "反斜杠")]
    [InlineData("a\u0085.pdf", "U+0085")]
    [InlineData("a\u2029.pdf", "U+2029")]
    [InlineData("a\u2066.pdf", "U+2066")]
    [InlineData("a\uFFFD.pdf", "无法解码")]
    [InlineData("a\uD800.pdf", "无法解码")]
    [InlineData("", "名称为空")]
    public void Problem_HostileNames_SayWhy(string path, string fragment)
    {
        Assert.Contains(fragment, PackagePaths.Problem(path, PackageLimits.Default), StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_TooLongPath_IsRefused()
    {
        Assert.Contains("路径过长", PackagePaths.Problem(new string('长', 1025), PackageLimits.Default), StringComparison.Ordinal);
        Assert.Null(PackagePaths.Problem(new string('长', 1024), PackageLimits.Default));
    }

    [Fact]
    public void Display_ControlCharacters_AreWrittenAsEscapes()
    {
        Assert.Equal("通知\\u0007.pdf", PackagePaths.Display("通知\u0007.pdf"));
        Assert.Equal("通知.pdf", PackagePaths.Display("通知.pdf"));
    }
}
