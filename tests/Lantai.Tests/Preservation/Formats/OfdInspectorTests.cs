using Lantai.Preservation.Formats;
using Lantai.Tests.Samples;
using Xunit.Abstractions;

namespace Lantai.Tests.Preservation.Formats;

public sealed class OfdInspectorTests(ITestOutputHelper output)
{
    [Fact]
    public void Explore_AllSamples()
    {
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(ContentSamples.Ofd("helloworld.ofd"))!, "*.ofd").Order(StringComparer.Ordinal))
        {
            var i = OfdInspector.Inspect(file, CancellationToken.None);
            output.WriteLine($"== {Path.GetFileName(file)} {i.DocType} pages={i.PageCount} title={i.Title} date={i.CreationDate} fonts=[{string.Join(",", i.NamedFonts)}]");
            foreach (var p in i.Problems)
            {
                output.WriteLine("   P: " + p);
            }

            foreach (var s in i.Signatures)
            {
                output.WriteLine($"   S: {s.Path} {s.CheckMethod} {s.Verified}/{s.ReferenceCount} {s.SignatureMethod} {string.Join(" | ", s.Problems)}");
            }
        }
    }
}
