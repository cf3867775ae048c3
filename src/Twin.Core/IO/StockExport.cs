using NetTopologySuite.Geometries;
using Twin.Core.Loading;
using Twin.Core.Schema;
using Twin.Core.Stock;
using Twin.Core.Typologies;
using Twin.Core.Validation;

namespace Twin.Core.IO;

/// <summary>Turns a stock and its rejects into <see cref="FeatureTable"/>s for the GeoParquet / GeoJSON writers (columns as in data/samples/SCHEMA.md).</summary>
public static class StockExport
{
    /// <summary>The stock as a feature table: footprints and every <see cref="OutputTable.Stock"/> column of the registry.</summary>
    public static FeatureTable ToTable(BuildingStock s, TypologyCatalog catalog)
    {
        object?[] Col<T>(T[] values, Func<T, object?> f) => values.Select(f).ToArray();
        object?[] Num(double[] v) => Col(v, x => (object)Math.Round(x, 3));
        AttributeColumn C(string name, object?[] values) => ColumnRegistry.Column(OutputTable.Stock, name, values);
        var columns = new List<AttributeColumn>
        {
            C("building_id", Col(s.Ids, x => x)),
            C("source_row", Col(s.SourceRows, x => (long)x)),
            C("footprint_area_m2", Num(s.FootprintAreaM2)),
            C("perimeter_m", Num(s.PerimeterM)),
            C("party_wall_length_m", Num(s.PartyWallLengthM)),
            C("exposed_wall_length_m", Num(s.ExposedWallLengthM)),
            C("exposed_wall_north_m", Num(s.ExposedWallNorthM)),
            C("exposed_wall_east_m", Num(s.ExposedWallEastM)),
            C("exposed_wall_south_m", Num(s.ExposedWallSouthM)),
            C("exposed_wall_west_m", Num(s.ExposedWallWestM)),
            C("height_m", Num(s.HeightM)),
            C("height_source", Col(s.HeightSource, Name)),
            C("storeys", Col(s.Storeys, x => (long)x)),
            C("storeys_source", Col(s.StoreysSource, Name)),
            C("construction_year", Col(s.ConstructionYear, x => x == 0 ? null : (object)(long)x)),
            C("construction_year_source", Col(s.ConstructionYearSource, Name)),
            C("construction_year_rule", Col(s.ConstructionYearRule, x => x)),
            C("use_code", Col(s.UseCode, x => x)),
            C("use", Col(s.Use, x => x.ToString().ToLowerInvariant())),
            C("dwellings", Col(s.Dwellings, x => x == 0 ? null : (object)(long)x)),
            C("size_class", Col(s.SizeClass, x => x == SizeClass.Unknown ? null : x.ToString())),
            C("size_class_source", Col(s.SizeClassSource, Name)),
            C("country", Col(s.Country, x => x.Length == 0 ? null : x)),
            C("country_source", Col(s.CountrySource, Name)),
            C("typology", Col(s.TypologyIndex, x => x < 0 ? null : catalog.Types[x].Code)),
            C("gross_floor_area_m2", Num(s.GrossFloorAreaM2)),
            C("heated_floor_area_m2", Num(s.HeatedFloorAreaM2)),
            C("wall_area_m2", Num(s.WallAreaM2)),
            C("roof_area_m2", Num(s.RoofAreaM2)),
            C("ground_floor_area_m2", Num(s.GroundFloorAreaM2)),
            C("window_north_m2", Num(s.WindowNorthM2)),
            C("window_east_m2", Num(s.WindowEastM2)),
            C("window_south_m2", Num(s.WindowSouthM2)),
            C("window_west_m2", Num(s.WindowWestM2)),
            C("neighbourhood", Col(s.NeighbourhoodIndex, x => x < 0 ? null : s.NeighbourhoodNames[x])),
            C("heating", Col(s.Heating, x => x)),
        };
        foreach (EnvelopeElement e in Enum.GetValues<EnvelopeElement>())
        {
            int[] years = s.RenewedYear[(int)e];
            columns.Add(C(ColumnRegistry.RenewalColumn(e), Enumerable.Range(0, s.Count).Select(i => s.RenewalStated(e, i) ? (object)(long)years[i] : null).ToArray()));
        }

        return new FeatureTable("stock", "BuildingStock", s.Crs, [.. s.Footprints], columns, featureIds: s.Ids);
    }

    /// <summary>The rejects with their original geometry (in the source CRS) and reason.</summary>
    public static FeatureTable RejectsToTable(LoadResult result, Spatial.CoordinateReferenceSystem? sourceCrs)
    {
        IReadOnlyList<RejectedBuilding> r = result.Rejects;
        AttributeColumn C(string name, Func<RejectedBuilding, object?> f) => ColumnRegistry.Column(OutputTable.Rejects, name, r.Select(f).ToArray());
        var columns = new List<AttributeColumn>
        {
            C("source_row", x => (long)x.SourceRow),
            C("building_id", x => x.Id),
            C("reason_code", x => x.Code),
            C("reason", x => x.Reason),
        };
        Geometry?[] geometries = r.Select(x => sourceCrs is null ? null : x.Geometry).ToArray();
        return new FeatureTable(result.Source, "rejects", sourceCrs, geometries, columns);
    }

    /// <summary>Writes all issues as CSV (the <see cref="OutputTable.Issues"/> columns: file, feature_id, field, value, unit, outcome, code, message, hint).</summary>
    public static void WriteIssuesCsv(IEnumerable<DataIssue> issues, string path)
    {
        using var w = new StreamWriter(path);
        w.WriteLine(string.Join(',', ColumnRegistry.Of(OutputTable.Issues).Select(c => c.Name)));
        foreach (DataIssue i in issues)
        {
            w.WriteLine(string.Join(',', new[] { i.File, i.FeatureId, i.Field, i.Value, i.Unit, i.Outcome.ToString(), i.Code, i.Message, i.Hint }.Select(Csv)));
        }
    }

    private static string Csv(string? v) => v is null ? string.Empty : v.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;

    private static object Name(AttributeSource s) => s.Name();
}
