using System.Globalization;
using Lantai.Catalogue;
using Lantai.Common;
using Lantai.Data;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Web.Pages.Catalogue;

/// <summary>
/// The archive's identity, its code lists and its archival-code templates (system administrator). Codes are added
/// and renamed, never changed or removed: records and archival codes carry them.
/// </summary>
[Authorize(Policy = Policies.SystemSettings)]
public sealed class SettingsModel(LantaiDbContext db, FondsService fonds, CodeListService codeLists) : CataloguePageModel
{
    public ArchiveProfile Profile { get; private set; } = null!;

    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public ILookup<string, CodeListEntry> Entries { get; private set; } = Array.Empty<CodeListEntry>().ToLookup(e => e.List);

    public IReadOnlyList<ArchivalCodeTemplate> Templates { get; private set; } = [];

    /// <summary>The section the last error belongs to, and the error.</summary>
    public string? ErrorSection { get; private set; }

    public string? ErrorMessage { get; private set; }

    public static string LevelName(ArchiveLevel level) => level switch
    {
        ArchiveLevel.Region => "自治区",
        ArchiveLevel.League => "盟市",
        ArchiveLevel.Banner => "旗县",
        _ => level.ToString(),
    };

    /// <summary>A sample code from a template, so the administrator sees what the pattern makes.</summary>
    public static string Example(ArchivalCodeTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        try
        {
            return new ArchivalCodeFormat(template.Pattern).Render(new ArchivalCodeParts
            {
                FondsCode = "X013",
                CategoryCode = "WS",
                Year = 2016,
                RetentionCode = "Y",
                OrgUnitCode = "BGS",
                VolumeNumber = 12,
                ItemNumber = 7,
            });
        }
        catch (ArgumentException)
        {
            return "—";
        }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostProfileAsync(string? name, string? code, string? level, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ArchiveLevel>(level, out var parsed) || !Enum.IsDefined(parsed))
        {
            return await FailAsync("profile", "请选择档案馆层级", cancellationToken);
        }

        return await DoneAsync("profile", await fonds.UpdateProfileAsync(name ?? "", code ?? "", parsed, Actor, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostAddCategoryAsync(string? code, string? name, CancellationToken cancellationToken) =>
        await DoneAsync("categories", await codeLists.AddCategoryAsync(code ?? "", name ?? "", Actor, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostRenameCategoryAsync(string? code, string? name, CancellationToken cancellationToken) =>
        await DoneAsync("categories", await codeLists.RenameCategoryAsync(code ?? "", name ?? "", Actor, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostAddEntryAsync(string? list, string? code, string? name, string? rank, string? years, CancellationToken cancellationToken)
    {
        var section = list ?? "";
        if (!int.TryParse(rank, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r))
        {
            return await FailAsync(section, "序号（级别）应为整数", cancellationToken);
        }

        int? y = null;
        if (!string.IsNullOrWhiteSpace(years))
        {
            if (!int.TryParse(years, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return await FailAsync(section, "保管年限应为整数，永久保管请留空", cancellationToken);
            }

            y = parsed;
        }

        return await DoneAsync(section, await codeLists.AddEntryAsync(list ?? "", code ?? "", name ?? "", r, y, Actor, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostRenameEntryAsync(string? list, string? code, string? name, CancellationToken cancellationToken) =>
        await DoneAsync(list ?? "", await codeLists.RenameEntryAsync(list ?? "", code ?? "", name ?? "", Actor, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostSaveTemplateAsync(string? key, string? name, string? pattern, bool forVolumes, CancellationToken cancellationToken) =>
        await DoneAsync("templates", await codeLists.SaveTemplateAsync(key ?? "", name ?? "", pattern ?? "", forVolumes, Actor, cancellationToken), cancellationToken);

    private async Task<IActionResult> DoneAsync<T>(string section, Result<T> result, CancellationToken cancellationToken) =>
        result.Succeeded
            ? Redirect(QueryHelpers.AddQueryString("/Catalogue/Settings", "saved", section) + "#" + section)
            : await FailAsync(section, string.Join("；", result.Errors.Select(e => e.Message)), cancellationToken);

    private async Task<IActionResult> FailAsync(string section, string message, CancellationToken cancellationToken)
    {
        ErrorSection = section;
        ErrorMessage = message;
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Profile = await db.ArchiveProfiles.AsNoTracking().SingleAsync(p => p.Id == 1, cancellationToken);
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        Entries = (await db.CodeListEntries.AsNoTracking().OrderBy(e => e.Rank).ToListAsync(cancellationToken)).ToLookup(e => e.List, StringComparer.Ordinal);
        Templates = await db.ArchivalCodeTemplates.AsNoTracking().OrderBy(t => t.ForVolumes).ThenBy(t => t.Key).ToListAsync(cancellationToken);
    }
}
