namespace Lantai.Web.Security;

/// <summary>Authorization policy names; every page and endpoint names one of these (never a role directly).</summary>
public static class Policies
{
    /// <summary>Read the catalogue in the workbench: archivists and reviewers.</summary>
    public const string CatalogueRead = "Catalogue.Read";

    /// <summary>Add, change, arrange, import records and set up fonds: archivists.</summary>
    public const string CatalogueWrite = "Catalogue.Write";

    /// <summary>
    /// See transfers and their check reports: archivists and reviewers, and the system administrator, who deletes the files
    /// of rejected transfers and must see which (三员分立: that account need not read the catalogue).
    /// </summary>
    public const string TransferRead = "Transfer.Read";

    /// <summary>Delete the quarantined files of a rejected or refused transfer: the system administrator.</summary>
    public const string TransferFilesDelete = "Transfer.FilesDelete";

    /// <summary>The archive's identity, code lists and templates: the system administrator.</summary>
    public const string SystemSettings = "System.Settings";

    /// <summary>See the list of accounts: the system administrator (who manages them) and the security officer (who grants their roles).</summary>
    public const string AccountsRead = "Accounts.Read";

    /// <summary>Create, disable, enable and unlock accounts and reset passwords: the system administrator.</summary>
    public const string AccountsManage = "Accounts.Manage";

    /// <summary>Grant roles and clearances, reset two-factor sign-in, set the security settings: the security officer alone.</summary>
    public const string RolesGrant = "Roles.Grant";

    /// <summary>Read the audit log: the security auditor alone.</summary>
    public const string AuditRead = "Audit.Read";
}
