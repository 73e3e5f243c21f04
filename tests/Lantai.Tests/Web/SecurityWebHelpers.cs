using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Lantai.Tests.Infrastructure;

namespace Lantai.Tests.Web;

/// <summary>Form posts with antiforgery tokens, TOTP codes (RFC 6238) and page scraping for the security web tests.</summary>
public static partial class SecurityWebHelpers
{
    /// <summary>Opens <paramref name="page"/>, then posts <paramref name="fields"/> to it (with a handler) as its form would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string? handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var html = await client.GetStringAsync(page);
        var all = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", TestUsers.AntiforgeryToken(html)) };
        var target = handler is null ? page : page + (page.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
        using var form = new FormUrlEncodedContent(all);
        return await client.PostAsync(target, form);
    }

    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string? handler, params (string Key, string Value)[] fields) =>
        PostFormAsync(client, page, handler, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    /// <summary>Signs in through the login form; returns the page the browser ends on.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password) =>
        await PostFormAsync(client, "/Account/Login", null, ("UserName", userName), ("Password", password));

    public static string FinalPath(HttpResponseMessage response) => response.RequestMessage!.RequestUri!.AbsolutePath;

    /// <summary>The TOTP code (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) for a Base32 key, <paramref name="stepOffset"/> steps from now.</summary>
    public static string Totp(string base32Key, int stepOffset = 0)
    {
        var key = Base32(base32Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        var step = (TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() / 30) + stepOffset;
        var counter = BitConverter.GetBytes(IPAddress.HostToNetworkOrder(step));
#pragma warning disable CA5350 // RFC 6238 as authenticator apps implement it is HMAC-SHA1.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The authenticator key shown on /Account/Manage.</summary>
    public static string SharedKey(string manageHtml)
    {
        var m = SharedKeyRegex().Match(manageHtml);
        Assert.True(m.Success, "The page shows no authenticator key.");
        return m.Groups[1].Value;
    }

    /// <summary>The recovery codes shown once after enabling two-factor sign-in.</summary>
    public static IReadOnlyList<string> RecoveryCodes(string html) => [.. RecoveryCodeRegex().Matches(html).Select(m => m.Groups[1].Value)];

    /// <summary>The one-time password shown on the Users page after creating an account or resetting a password.</summary>
    public static string IssuedPassword(string html)
    {
        var m = IssuedPasswordRegex().Match(html);
        Assert.True(m.Success, "The page shows no one-time password.");
        return m.Groups[1].Value;
    }

    private static byte[] Base32(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in input.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex("<code id=\"shared-key\">([^<]+)</code>")]
    private static partial Regex SharedKeyRegex();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCodeRegex();

    [GeneratedRegex("id=\"one-time-password\"[^>]*>[^<]*<strong>[^<]*</strong>[^<]*<code>([^<]+)</code>")]
    private static partial Regex IssuedPasswordRegex();
}
