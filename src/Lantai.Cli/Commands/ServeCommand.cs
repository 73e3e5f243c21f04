using System.CommandLine;
using Lantai.Web;
using Microsoft.Extensions.Hosting;

namespace Lantai.Cli.Commands;

/// <summary>`lantai serve`: runs the web server on the same data as the other commands.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "监听地址 (listen address)", DefaultValueFactory = _ => "http://127.0.0.1:5000" };
        var command = new Command("serve", "启动 Web 服务 (start the web server)") { urls };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = GlobalOptions.DatabaseOptions(result);
            var args = new List<string> { "--urls", result.GetValue(urls)!, "--data", options.DataDir };
            if (options.PostgresConnectionString is { } cs)
            {
                args.AddRange(["--db", cs]);
            }

            var app = await LantaiWebApp.BuildAsync([.. args]);
            await app.StartAsync(cancellationToken);
            Console.WriteLine($"兰台已启动: {result.GetValue(urls)}  (Ctrl+C 停止)");
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }
}
