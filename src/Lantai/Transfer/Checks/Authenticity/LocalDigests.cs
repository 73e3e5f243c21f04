using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;

namespace Lantai.Transfer.Checks.Authenticity;

/// <summary>
/// Computes the digests a package declared for one file, all in one read: MD5, SHA-1, SHA-256, SHA-512 with
/// IncrementalHash and SM3 with BouncyCastle. A simple, local stand-in: the lead may swap it for the faster shared
/// SM3+SHA-256 digest of the store once that exists (only <see cref="ComputeAsync"/> is called).
/// </summary>
public static class LocalDigests
{
    /// <summary>The algorithm names this helper knows, as used in <see cref="CheckSubjectFile.DeclaredDigests"/>.</summary>
    public static bool IsKnown(string algorithm) => Normalize(algorithm) is not null;

    /// <summary>Lower-case hex digest per requested algorithm (keys as given).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ComputeAsync(string path, IEnumerable<string> algorithms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(algorithms);
        var wanted = algorithms.Where(IsKnown).ToList();
        var hashes = new Dictionary<string, IncrementalHash>(StringComparer.Ordinal);
        SM3Digest? sm3 = null;
        foreach (var algorithm in wanted)
        {
            switch (Normalize(algorithm))
            {
                case "sm3":
                    sm3 = new SM3Digest();
                    break;
                case var name:
                    hashes[algorithm] = IncrementalHash.CreateHash(new HashAlgorithmName(name!.ToUpperInvariant()));
                    break;
            }
        }

        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
            var buffer = new byte[1 << 20];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                foreach (var hash in hashes.Values)
                {
                    hash.AppendData(buffer, 0, read);
                }

                sm3?.BlockUpdate(buffer, 0, read);
            }

            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (algorithm, hash) in hashes)
            {
                result[algorithm] = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            if (sm3 is not null)
            {
                var value = new byte[sm3.GetDigestSize()];
                sm3.DoFinal(value, 0);
                foreach (var algorithm in wanted.Where(a => Normalize(a) == "sm3"))
                {
                    result[algorithm] = Convert.ToHexStringLower(value);
                }
            }

            return result;
        }
        finally
        {
            foreach (var hash in hashes.Values)
            {
                hash.Dispose();
            }
        }
    }

    /// <summary>Display name for the report ("SHA-256").</summary>
    public static string DisplayName(string algorithm) => Normalize(algorithm) switch
    {
        "sm3" => "SM3",
        "md5" => "MD5",
        "sha1" => "SHA-1",
        "sha256" => "SHA-256",
        "sha512" => "SHA-512",
        _ => algorithm,
    };

    private static string? Normalize(string algorithm) => algorithm.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant() switch
    {
        "sm3" => "sm3",
        "md5" => "md5",
        "sha1" => "sha1",
        "sha256" => "sha256",
        "sha512" => "sha512",
        _ => null,
    };
}
