namespace Lantai.Web.Pages.Catalogue.Records;

/// <summary>A page that shows the record form (create and edit share the fields partial).</summary>
public interface IRecordFormPage
{
    RecordForm Input { get; }

    RecordFormOptions Options { get; }

    /// <summary>True when editing: the fonds is fixed and the current archival code is shown.</summary>
    bool Editing { get; }

    string? CurrentArchivalCode { get; }
}
