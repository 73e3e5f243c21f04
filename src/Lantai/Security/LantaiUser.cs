using Microsoft.AspNetCore.Identity;

namespace Lantai.Security;

/// <summary>A person who signs in to Lantai (ASP.NET Core Identity user with the archive's own fields).</summary>
public sealed class LantaiUser : IdentityUser<Guid>
{
    public LantaiUser()
    {
        Id = Common.Ids.New();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    /// <summary>Name shown in the UI and in the audit log beside the user name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>
    /// The highest classification (密级) rank the user is cleared for, granted by the security officer alone;
    /// 0 = unclassified only. Compared with <see cref="Catalogue.CodeListEntry.Rank"/> of the record's classification.
    /// </summary>
    public int Clearance { get; set; }

    /// <summary>True until the user replaces the one-time password printed at first start.</summary>
    public bool MustChangePassword { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
