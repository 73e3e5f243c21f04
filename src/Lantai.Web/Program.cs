using Lantai.Web;

var app = await LantaiWebApp.BuildAsync(args);
await app.RunAsync();

/// <summary>The web host's entry point; partial so tests can refer to the assembly.</summary>
public partial class Program;
