namespace Twin.Sim.Engine;

/// <summary>
/// A process-independent hash of (seed, building id) for seeded random orders: FNV-1a over the id's UTF-16
/// code units, mixed with the seed by SplitMix64's finaliser (Steele, Lea &amp; Flood 2014). Unlike
/// string.GetHashCode it is the same in every process, so shards and reruns agree.
/// </summary>
public static class StableHash
{
    /// <summary>A 64-bit hash of (seed, id) that is the same on every machine and run (unlike string.GetHashCode).</summary>
    public static ulong Mix(ulong seed, string id)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in id)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return SplitMix(h ^ SplitMix(seed));
    }

    /// <summary>A uniform double in [0, 1) from (seed, id, stream).</summary>
    public static double Uniform(ulong seed, string id, ulong stream) => (SplitMix(Mix(seed, id) ^ SplitMix(stream)) >> 11) * (1.0 / (1UL << 53));

    private static ulong SplitMix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
