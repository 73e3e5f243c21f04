namespace Lantai.Web.Api.Catalogue;

/// <summary>An archival-code template.</summary>
public sealed record TemplateResponse(string Key, string Name, string Pattern, bool ForVolumes);
