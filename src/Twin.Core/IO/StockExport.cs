using NetTopologySuite.Geometries;
using Twin.Core.Loading;
using Twin.Core.Stock;
using Twin.Core.Typologies;
using Twin.Core.Validation;

namespace Twin.Core.IO;

/// <summary>Turns a stock and its rejects into <see cref="FeatureTable"/>s for the GeoParquet / GeoJSON writers (columns as in data/samples/SCHEMA.md).</summary>
public static class StockExport
{
    public static FeatureTable ToTable(BuildingStock s, TypologyCatalog catalog)
    {
        object?[] Col<T>(T[] values, Func<T, object?> f) => values.Select(f).ToArray();
        object?[] Num(double[] v) => Col(v, x => (object)Math.Round(x, 3));
        var columns = new List<AttributeColumn>
        {
            new("building_id", AttributeType.Text, Col(s.Ids, x => x)),
            new("source_row", AttributeType.Integer, Col(s.SourceRows, x => (long)x)),
            new("footprint_area_m2", AttributeType.Number, Num(s.FootprintAreaM2)),
            new("perimeter_m", AttributeType.Number, Num(s.PerimeterM)),
            new("party_wall_length_m", AttributeType.Number, Num(s.PartyWallLengthM)),
            new("exposed_wall_length_m", AttributeType.Number, Num(s.ExposedWallLengthM)),
            new("exposed_wall_north_m", AttributeType.Number, Num(s.ExposedWallNorthM)),
            new("exposed_wall_east_m", AttributeType.Number, Num(s.ExposedWallEastM)),
            new("exposed_wall_south_m", AttributeType.Number, Num(s.ExposedWallSouthM)),
            new("exposed_wall_west_m", AttributeType.Number, Num(s.ExposedWallWestM)),
            new("height_m", AttributeType.Number, Num(s.HeightM)),
            new("height_source", AttributeType.Text, Col(s.HeightSource, Name)),
            new("storeys", AttributeType.Integer, Col(s.Storeys, x => (long)x)),
            new("storeys_source", AttributeType.Text, Col(s.StoreysSource, Name)),
            new("construction_year", AttributeType.Integer, Col(s.ConstructionYear, x => x == 0 ? null : (object)(long)x)),
            new("construction_year_source", AttributeType.Text, Col(s.ConstructionYearSource, Name)),
            new("construction_year_rule", AttributeType.Text, Col(s.ConstructionYearRule, x => x)),
            new("use_code", AttributeType.Text, Col(s.UseCode, x => x)),
            new("use", AttributeType.Text, Col(s.Use, x => x.ToString().ToLowerInvariant())),
            new("dwellings", AttributeType.Integer, Col(s.Dwellings, x => x == 0 ? null : (object)(long)x)),
            new("size_class", AttributeType.Text, Col(s.SizeClass, x => x == SizeClass.Unknown ? null : x.ToString())),
            new("size_class_source", AttributeType.Text, Col(s.SizeClassSource, Name)),
            new("country", AttributeType.Text, Col(s.Country, x => x.Length == 0 ? null : x)),
            new("country_source", AttributeType.Text, Col(s.CountrySource, Name)),
            new("typology", AttributeType.Text, Col(s.TypologyIndex, x => x < 0 ? null : catalog.Types[x].Code)),
            new("gross_floor_area_m2", AttributeType.Number, Num(s.GrossFloorAreaM2)),
            new("heated_floor_area_m2", AttributeType.Number, Num(s.HeatedFloorAreaM2)),
            new("wall_area_m2", AttributeType.Number, Num(s.WallAreaM2)),
            new("roof_area_m2", AttributeType.Number, Num(s.RoofAreaM2)),
            new("ground_floor_area_m2", AttributeType.Number, Num(s.GroundFloorAreaM2)),
            new("window_north_m2", AttributeType.Number, Num(s.WindowNorthM2)),
            new("window_east_m2", AttributeType.Number, Num(s.WindowEastM2)),
            new("window_south_m2", AttributeType.Number, Num(s.WindowSouthM2)),
            new("window_west_m2", AttributeType.Number, Num(s.WindowWestM2)),
            new("neighbourhood", AttributeType.Text, Col(s.NeighbourhoodIndex, x => x < 0 ? null : s.NeighbourhoodNames[x])),
        };
        return new FeatureTable("stock", "BuildingStock", s.Crs, [.. s.Footprints], columns, featureIds: s.Ids);
    }

    /// <summary>The rejects with their original geometry (in the source CRS) and reason.</summary>
    public static FeatureTable RejectsToTable(LoadResult result, Spatial.CoordinateReferenceSystem? sourceCrs)
    {
        IReadOnlyList<RejectedBuilding> r = result.Rejects;
        var columns = new List<AttributeColumn>
        {
            new("source_row", AttributeType.Integer, r.Select(x => (object?)(long)x.SourceRow).ToArray()),
            new("building_id", AttributeType.Text, r.Select(x => (object?)x.Id).ToArray()),
            new("reason_code", AttributeType.Text, r.Select(x => (object?)x.Code).ToArray()),
            new("reason", AttributeType.Text, r.Select(x => (object?)x.Reason).ToArray()),
        };
        Geometry?[] geometries = r.Select(x => sourceCrs is null ? null : x.Geometry).ToArray();
        return new FeatureTable(result.Source, "rejects", sourceCrs, geometries, columns);
    }

    /// <summary>Writes all issues as CSV (file, feature_id, field, value, unit, outcome, code, message, hint).</summary>
    public static void WriteIssuesCsv(IEnumerable<DataIssue> issues, string path)
    {
        using var w = new StreamWriter(path);
        w.WriteLine("file,feature_id,field,value,unit,outcome,code,message,hint");
        foreach (DataIssue i in issues)
        {
            w.WriteLine(string.Join(',', new[] { i.File, i.FeatureId, i.Field, i.Value, i.Unit, i.Outcome.ToString(), i.Code, i.Message, i.Hint }.Select(Csv)));
        }
    }

    private static string Csv(string? v) => v is null ? string.Empty : v.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;

    private static object Name(AttributeSource s) => s.ToString().ToLowerInvariant();
}
