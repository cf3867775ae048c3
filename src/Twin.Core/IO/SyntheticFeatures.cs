using NetTopologySuite.Geometries;
using Twin.Core.Spatial;

namespace Twin.Core.IO;

/// <summary>
/// A synthetic stock for benchmarks and scale tests: city blocks of 8 buildings (terraced rows on two
/// street sides, so party walls occur), rectangles and L-shapes, OSM-style attributes drawn from a
/// seeded generator, in EPSG:2180 around Warsaw. Same count and seed → the same features.
/// Not real data: never use it for results.
/// </summary>
public static class SyntheticFeatures
{
    /// <summary><paramref name="count"/> synthetic buildings from generator <paramref name="seed"/> (same arguments, same features).</summary>
    public static FeatureTable Generate(int count, int seed = 1)
    {
        var rng = new Random(seed);
        var factory = new GeometryFactory();
        var geometries = new Geometry?[count];
        var ids = new object?[count];
        var use = new object?[count];
        var levels = new object?[count];
        var year = new object?[count];
        string[] uses = ["apartments", "apartments", "apartments", "house", "terrace", "residential", "office", "retail"];
        int blocksPerRow = Math.Max(1, (int)Math.Sqrt(count / 8.0));
        const double Origin = 500_000.0, BlockM = 100.0, LotM = 20.0, DepthM = 15.0;
        for (int i = 0; i < count; i++)
        {
            int block = i / 8, lot = i % 8;
            double bx = Origin + (block % blocksPerRow * BlockM), by = Origin + (block / blocksPerRow * BlockM);
            double x = bx + (lot % 4 * LotM), y = by + (lot < 4 ? 0 : 60.0);
            double depth = DepthM + (rng.NextDouble() * 5.0);
            geometries[i] = rng.NextDouble() < 0.8
                ? factory.ToGeometry(new Envelope(x, x + LotM, y, y + depth))
                : factory.CreatePolygon([new(x, y), new(x + LotM, y), new(x + LotM, y + depth), new(x + (LotM / 2), y + depth), new(x + (LotM / 2), y + depth + 8.0), new(x, y + depth + 8.0), new(x, y)]);
            ids[i] = $"syn-{i}";
            use[i] = uses[rng.Next(uses.Length)];
            levels[i] = (long)rng.Next(1, 13);
            year[i] = (long)rng.Next(1890, 2024);
        }

        return new FeatureTable("synthetic", "synthetic", CoordinateReferenceSystem.Poland1992, geometries,
        [
            new AttributeColumn("id", AttributeType.Text, ids),
            new AttributeColumn("building", AttributeType.Text, use),
            new AttributeColumn("building:levels", AttributeType.Integer, levels),
            new AttributeColumn("start_date", AttributeType.Integer, year),
        ]);
    }
}
