using Microsoft.Net.Http.Headers;

namespace Lantai.Web.Api.Transfers;

/// <summary>Download headers: attachment with an ASCII fallback name and the real name in RFC 5987 filename*.</summary>
public static class Downloads
{
    public static void Attach(HttpResponse response, string contentType, string fileName, long? length = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(fileName);
        response.ContentType = contentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(Safe(fileName));
        response.Headers.ContentDisposition = disposition.ToString();
        // Records may be classified: no copies in shared caches or the browser's.
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        if (length is { } l)
        {
            response.ContentLength = l;
        }
    }

    /// <summary>The last part of a path, without characters Windows refuses in file names.</summary>
    public static string Safe(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var last = name.Replace('\\', '/');
        last = last[(last.LastIndexOf('/') + 1)..];
        var safe = new string([.. last.Select(c => "\\/:*?\"<>|".Contains(c, StringComparison.Ordinal) || char.IsControl(c) ? '_' : c)]);
        return safe.Length == 0 ? "file" : safe;
    }
}
