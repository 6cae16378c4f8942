/* Stand-in for Windows 10's system bcryptprimitives.dll, for the wine test prefix ONLY (never
 * the bundle).
 *
 * Why: wheels built with Rust (nh3, which cleans the content's HTML) call ProcessPrng from
 * bcryptprimitives.dll, which every Windows 10/11 PC has and wine 8 lacks, so the kiosk cannot
 * import nh3 under wine without it. RtlGenRandom (advapi32's SystemFunction036) gives the
 * same kind of random bytes. build.sh and check.sh compile this with mingw-w64 into the
 * prefix's system32.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
