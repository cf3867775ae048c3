using System.CommandLine;
using NetTopologySuite.Geometries;
using Twin.Core.IO;
using Twin.Core.Loading;
using Twin.Core.Spatial;

namespace Twin.Cli;

/// <summary><c>twin grid</c>: square analysis cells covering a stock, for use as neighbourhoods where no boundaries exist.</summary>
internal static class GridCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("stock") { Description = "Footprint file whose extent the grid covers" };
        var cell = new Option<double>("--cell") { Description = "Cell size in metres", DefaultValueFactory = _ => 500.0 };
        var output = new Option<string>("--out") { Description = "GeoJSON file to write", Required = true };
        var sourceCrs = new Option<string?>("--source-crs") { Description = "CRS to assume when the file has none" };
        var command = new Command("grid", "Write square neighbourhood cells covering a stock (metric CRS, named by south-west corner)") { input, cell, output, sourceCrs };
        command.SetAction(r =>
        {
            FeatureTable table = FeatureReader.Read(r.GetValue(input)!);
            CoordinateReferenceSystem source = table.Crs ?? Common.ParseCrs(r.GetValue(sourceCrs), "--source-crs")
                ?? throw Twin.Core.Validation.InputException.Fatal(table.SourcePath, "crs", null, "the file's CRS is unknown", "Name it with --source-crs EPSG:xxxx.", Twin.Core.Validation.IssueCodes.UnknownCrs);
            CoordinateReferenceSystem metric = MetricCrs.For(table.Geometries, source);
            var reprojector = new Reprojector(source, metric);
            var metricEnv = new Envelope();
            foreach (Geometry? g in table.Geometries)
            {
                if (g is not null)
                {
                    metricEnv.ExpandToInclude(reprojector.Transform(g).EnvelopeInternal);
                }
            }

            Neighbourhoods grid = NeighbourhoodGrid.Create(metricEnv, r.GetValue(cell));
            var cells = new FeatureTable("grid", "grid", metric, [.. grid.Areas], [new AttributeColumn("name", AttributeType.Text, grid.Names.Cast<object?>().ToArray())]);
            GeoJsonWriter.Write(cells, Common.OutputFile(r.GetValue(output)!, "--out", ".geojson", ".json"));
            Console.WriteLine($"{grid.Names.Count} cells of {r.GetValue(cell)} m in {metric} → {r.GetValue(output)}");
            return 0;
        });
        return command;
    }
}
