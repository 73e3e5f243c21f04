namespace Lantai.Cli;

/// <summary>Reports progress on the reporting thread, so the last report is shown before the work returns (Progress&lt;T&gt; posts later).</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
