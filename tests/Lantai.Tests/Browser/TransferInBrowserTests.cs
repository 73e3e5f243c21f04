using Lantai.Data;
using Lantai.Security;
using Lantai.Tests.Infrastructure;
using Lantai.Tests.Transfer;
using Lantai.Transfer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lantai.Tests.Browser;

public sealed class TransferInBrowserTests
{
    [Fact]
    public async Task Archivist_RejectsATransfer_OnlyAfterConfirmingTheQuestion()
    {
        await using var server = await LantaiServer.StartAsync();
        await TestUsers.CreateAsync(server, "wula", 0, LantaiRoles.Archivist);
        TransferDetail detail;
        using (var scope = server.Services.CreateScope())
        {
            detail = await TransferTestData.InsertAsync(scope.ServiceProvider.GetRequiredService<LantaiDbContext>());
        }

        await using var browser = await Infrastructure.Browser.LaunchAsync();
        var page = await browser.NewPageAsync(server.Address);
        await Infrastructure.Browser.SignInAsync(page, "wula", TestUsers.Password);
        await page.GotoAsync($"/Transfer/{detail.Transfer.Id}");
        await page.FillAsync("textarea[name=Reason]", "目录与文件不符，请重新整理后移交");

        // Saying no to the question sends nothing.
        page.Dialog += DismissAsync;
        await page.ClickAsync("text=退回移交");
        page.Dialog -= DismissAsync;
        Assert.Equal(TransferState.Checked, await StateAsync(server, detail.Transfer.Id));

        page.Dialog += AcceptAsync;
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("text=退回移交"), r => r.Request.Method == "POST");
        Assert.Equal(TransferState.Rejected, await StateAsync(server, detail.Transfer.Id));
        await page.WaitForSelectorAsync("main >> text=已退回");
        Assert.Contains("目录与文件不符", await page.InnerTextAsync("main"), StringComparison.Ordinal);
    }

    private static async void DismissAsync(object? sender, IDialog dialog)
    {
        Assert.Contains("隔离区", dialog.Message, StringComparison.Ordinal);
        await dialog.DismissAsync();
    }

    private static async void AcceptAsync(object? sender, IDialog dialog) => await dialog.AcceptAsync();

    private static async Task<TransferState> StateAsync(LantaiServer server, Guid id)
    {
        using var scope = server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LantaiDbContext>().Transfers.Where(t => t.Id == id).Select(t => t.State).SingleAsync();
    }
}
