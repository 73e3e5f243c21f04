using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.X509;

namespace Lantai.Tests.Preservation.Formats;

/// <summary>The key and self-signed certificate a test signs with (<see cref="SignedPdfs"/>).</summary>
internal sealed record PdfSigner(string Algorithm, AsymmetricKeyParameter PrivateKey, X509Certificate Certificate);
