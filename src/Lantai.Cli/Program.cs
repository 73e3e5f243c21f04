using System.CommandLine;
using System.Text;
using Lantai.Cli;
using Lantai.Cli.Commands;

Console.OutputEncoding = Encoding.UTF8;
var root = new RootCommand("兰台数字档案馆系统 命令行工具 (Lantai digital archive command line)");
root.Options.Add(GlobalOptions.Data);
root.Options.Add(GlobalOptions.Db);
root.Options.Add(GlobalOptions.Json);
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(RecordsCommand.Create());
root.Subcommands.Add(AuditCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(AdminCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(TransferCommand.Create());
root.Subcommands.Add(IndexCommand.Create());
root.Subcommands.Add(SearchCommand.Create());

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine(error.Message);
    }

    return ExitCodes.Usage;
}

return await parsed.InvokeAsync();
