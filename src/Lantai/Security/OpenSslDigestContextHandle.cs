using System.Runtime.InteropServices;

namespace Lantai.Security;

/// <summary>An OpenSSL EVP_MD_CTX, freed exactly once even if the hasher is finalized without Dispose.</summary>
internal sealed class OpenSslDigestContextHandle : SafeHandle
{
    public OpenSslDigestContextHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        OpenSslSm3.EVP_MD_CTX_free(handle);
        return true;
    }
}
