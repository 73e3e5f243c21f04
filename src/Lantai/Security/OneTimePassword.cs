using System.Security.Cryptography;

namespace Lantai.Security;

/// <summary>
/// Random one-time passwords for new accounts and resets: 16 characters in groups of four from an alphabet without
/// look-alikes (0/O, 1/l/I), so they can be read off a console and typed without mistakes. About 90 bits.
/// </summary>
public static class OneTimePassword
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Alphabet = Upper + Lower + Digits;

    public static string Generate()
    {
        while (true)
        {
            var chars = new char[16];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }

            // The password rules ask for an upper-case letter, a lower-case letter and a digit.
            if (chars.Any(c => Upper.Contains(c, StringComparison.Ordinal)) && chars.Any(c => Lower.Contains(c, StringComparison.Ordinal))
                && chars.Any(c => Digits.Contains(c, StringComparison.Ordinal)))
            {
                var s = new string(chars);
                return $"{s[..4]}-{s[4..8]}-{s[8..12]}-{s[12..]}";
            }
        }
    }
}
