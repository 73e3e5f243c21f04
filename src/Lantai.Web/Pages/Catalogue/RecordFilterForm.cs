using Lantai.Catalogue;
using Lantai.Common;
using Lantai.Web.Api.Catalogue;

namespace Lantai.Web.Pages.Catalogue;

/// <summary>What the shared filter fields (_RecordFilters) show: the list page and the export page filter alike.</summary>
public sealed record RecordFilterForm(
    RecordListQuery Query,
    IReadOnlyList<Lantai.Catalogue.Fonds> FondsList,
    CatalogueRules Rules,
    int Clearance,
    IReadOnlyList<Error> Errors)
{
    public string? ErrorFor(string parameter) => Errors.FirstOrDefault(e => e.Field == parameter)?.Message;
}
