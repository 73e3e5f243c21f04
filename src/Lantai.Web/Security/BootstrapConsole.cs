namespace Lantai.Web.Security;

/// <summary>
/// Where the first-start accounts and their one-time passwords are printed: the console (standard output), never the
/// log. Registering one replaces the console, which is how tests read the printed passwords.
/// </summary>
public sealed class BootstrapConsole(TextWriter output)
{
    public TextWriter Output { get; } = output;
}
