using Lantai.Data;
using Lantai.Transfer;
using Lantai.Web.Api.Transfers;
using Lantai.Web.Pages.Catalogue;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Lantai.Web.Pages.Transfer;

/// <summary>
/// Upload a transfer package (.zip, up to 4 GB: the limit is raised for this page alone). ASP.NET Core spools a large
/// upload to a temporary file, never to memory; it is copied once into the data directory's staging, where the
/// transfer takes it, and the check runs as a job whose progress page leads back to the transfer.
/// </summary>
[RequestSizeLimit(TransferUploads.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = TransferUploads.MaxBytes)]
public sealed class UploadModel(TransferService service, DatabaseOptions options) : CataloguePageModel
{
    [BindProperty]
    public string? TransferringUnit { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await IsAllowedAsync(Policies.CatalogueWrite) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await IsAllowedAsync(Policies.CatalogueWrite))
        {
            return Forbid();
        }

        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "请选择要上传的移交包（.zip 或 .eep）");
            return Page();
        }

        if (!TransferUploads.IsPackage(file))
        {
            ModelState.AddModelError("file", $"移交包应为 .zip 或 .eep 文件（收到“{TransferUploads.NameOf(file)}”）");
            return Page();
        }

        var path = await TransferUploads.SaveAsync(file, options, cancellationToken);
        var received = await service.ReceiveAsync(new TransferRequest
        {
            Path = path,
            Name = TransferUploads.NameOf(file),
            Actor = Actor,
            TransferringUnit = TransferringUnit,
            TakeOwnership = true,
        }, cancellationToken);
        if (!received.Succeeded)
        {
            System.IO.File.Delete(path);
            AddErrors(received.Errors, GetType(), "");
            return Page();
        }

        var receipt = received.Value;
        var detail = $"/Transfer/{receipt.Transfer.Id}";
        return receipt.CheckJob is { } job ? Redirect($"/Jobs/{job.Id}?next={Uri.EscapeDataString(detail)}") : Redirect(detail);
    }
}
