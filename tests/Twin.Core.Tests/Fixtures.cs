using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Twin.Core.IO;
using Twin.Core.Spatial;
using Twin.Core.Typologies;

namespace Twin.Core.Tests;

/// <summary>Shared test fixtures: WKT geometry, small feature tables, the bundled Polish catalog.</summary>
internal static class Fixtures
{
    private static readonly Lazy<TypologyCatalog> PolishCatalog = new(() => TypologyCatalog.Load(TestPaths.TypologiesExisting, TestPaths.TypologiesVariants));

    public static TypologyCatalog Catalog => PolishCatalog.Value;

    public static Geometry Wkt(string wkt) => new WKTReader().Read(wkt);

    /// <summary>A three-feature table in EPSG:2180 around central Warsaw with every attribute type.</summary>
    public static FeatureTable SmallTable(CoordinateReferenceSystem? crs = null)
    {
        crs ??= CoordinateReferenceSystem.Poland1992;
        Geometry[] g =
        [
            Wkt("POLYGON ((637000 486000, 637020 486000, 637020 486015, 637000 486015, 637000 486000))"),
            Wkt("POLYGON ((637020 486000, 637040 486000, 637040 486015, 637020 486015, 637020 486000))"),
            Wkt("MULTIPOLYGON (((637100 486100, 637110 486100, 637110 486110, 637100 486110, 637100 486100)), ((637200 486200, 637205 486200, 637205 486205, 637200 486205, 637200 486200)))"),
        ];
        if (crs.Epsg != 2180)
        {
            var r = new Reprojector(CoordinateReferenceSystem.Poland1992, crs);
            g = g.Select(r.Transform).ToArray();
        }

        return new FeatureTable("fixture", "test", crs, g,
        [
            new AttributeColumn("id", AttributeType.Text, ["a", "b", "c"]),
            new AttributeColumn("building", AttributeType.Text, ["apartments", "apartments", "house"]),
            new AttributeColumn("building:levels", AttributeType.Integer, [5L, null, 2L]),
            new AttributeColumn("height", AttributeType.Number, [15.5, 12.0, null]),
            new AttributeColumn("heritage", AttributeType.Boolean, [true, false, null]),
        ]);
    }
}
