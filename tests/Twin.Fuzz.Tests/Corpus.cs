using System.Text.Json;
using System.Text.Json.Nodes;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using Twin.Core.IO;
using Twin.Core.Spatial;
using Twin.Pipeline;
using Twin.Pipeline.IO;

namespace Twin.Fuzz.Tests;

/// <summary>
/// The valid inputs every case starts from: 40 real BDOT10k buildings of the sample as GeoJSON, as twin's own stock
/// files (GeoParquet, GeoPackage) and as a Shapefile in EPSG:2180; the sample scenarios and the BDOT10k mapping.
/// </summary>
internal sealed class Corpus : IDisposable
{
    public const int Buildings = 40;

    private Corpus(string dir, TwinData data)
    {
        Dir = dir;
        Data = data;
    }

    public string Dir { get; }

    public TwinData Data { get; }

    public string Mapping => Data.Sample.Stock.MappingPath!;

    public byte[] GeoJson { get; private set; } = [];

    public byte[] GeoParquet { get; private set; } = [];

    public byte[] GeoPackage { get; private set; } = [];

    /// <summary>.shp, .shx, .dbf, .prj of the same buildings.</summary>
    public (byte[] Shp, byte[] Shx, byte[] Dbf, byte[] Prj) Shapefile { get; private set; }

    public IReadOnlyList<(string Name, string Json)> Scenarios { get; private set; } = [];

    public string MappingJson { get; private set; } = string.Empty;

    /// <summary>Run folders of the corpus stock (bau, shallow-heat-pump).</summary>
    public IReadOnlyList<string> RunFolders { get; private set; } = [];

    /// <summary>A 0-byte file.</summary>
    public string EmptyFile { get; private set; } = string.Empty;

    /// <summary>The valid GeoParquet stock file.</summary>
    public string GeoParquetPath { get; private set; } = string.Empty;

    /// <summary>The valid Shapefile (.shp).</summary>
    public string ShapefilePath { get; private set; } = string.Empty;

    /// <summary>The valid stock every scenario case runs over.</summary>
    public TwinStock Stock { get; private set; } = null!;

    public static Corpus Create()
    {
        TwinData data = TwinData.Load();
        string dir = Path.Combine(Path.GetTempPath(), "twin-fuzz-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var c = new Corpus(dir, data);

        // 40 features of the real sample, as GeoJSON text.
        JsonNode sample = JsonNode.Parse(File.ReadAllText(data.Sample.Stock.Path))!;
        JsonArray all = sample["features"]!.AsArray();
        var few = new JsonArray(all.Take(Buildings).Select(f => f!.DeepClone()).ToArray());
        var fc = new JsonObject { ["type"] = "FeatureCollection", ["features"] = few };
        c.GeoJson = JsonSerializer.SerializeToUtf8Bytes(fc);
        string geojson = Path.Combine(dir, "base.geojson");
        File.WriteAllBytes(geojson, c.GeoJson);

        c.Stock = TwinStock.Load(data.Sample.Stock with { Path = geojson, NeighbourhoodsPath = null }, data);
        string stockDir = RunDirectory.WriteStock(c.Stock, data, Path.Combine(dir, "stock"));
        c.GeoParquet = File.ReadAllBytes(Path.Combine(stockDir, "stock.parquet"));
        c.GeoPackage = File.ReadAllBytes(Path.Combine(stockDir, "stock.gpkg"));

        // The same buildings as a Shapefile in EPSG:2180 with BDOT10k attributes.
        FeatureTable t = GeoJsonReader.Read(geojson);
        var r = new Reprojector(CoordinateReferenceSystem.Wgs84, CoordinateReferenceSystem.Poland1992);
        var features = Enumerable.Range(0, t.Count).Select(i =>
        {
            Geometry g = r.Transform(t.Geometries[i]!);
            var attributes = new AttributesTable
            {
                { "bdot_id", t.Find("bdot_id")!.Values[i]?.ToString() ?? string.Empty },
                { "fun_ogolna", t.Find("fun_ogolna")?.Values[i]?.ToString() ?? string.Empty },
                { "liczba_kon", t.Find("liczba_kondygnacji")?.Values[i] is object s ? Convert.ToInt32(s, System.Globalization.CultureInfo.InvariantCulture) : 0 },
            };
            return new Feature(g is Polygon p ? g.Factory.CreateMultiPolygon([p]) : g, attributes);
        }).ToList();
        string shp = Path.Combine(dir, "base.shp");
        NetTopologySuite.IO.Esri.Shapefile.WriteAllFeatures(features, shp);
        File.WriteAllText(Path.ChangeExtension(shp, ".prj"), CoordinateReferenceSystem.Poland1992.System.WKT);
        c.Shapefile = (File.ReadAllBytes(shp), File.ReadAllBytes(Path.ChangeExtension(shp, ".shx")), File.ReadAllBytes(Path.ChangeExtension(shp, ".dbf")), File.ReadAllBytes(Path.ChangeExtension(shp, ".prj")));

        // Two run folders of the 40 buildings, for 'twin compare' cases.
        c.RunFolders = [.. data.Sample.ScenarioPaths.Take(2).Select(p => RunDirectory.Write(ScenarioRun.Execute(c.Stock, data, ScenarioFile.Load(p)), Path.Combine(dir, "runs", Path.GetFileNameWithoutExtension(p))))];
        c.EmptyFile = Path.Combine(dir, "empty.geojson");
        File.WriteAllBytes(c.EmptyFile, []);
        c.GeoParquetPath = Path.Combine(stockDir, "stock.parquet");
        c.ShapefilePath = shp;

        c.Scenarios = [.. data.Sample.ScenarioPaths.Append(data.Sample.AdvisorScenarioPath).Select(p => (Path.GetFileName(p), File.ReadAllText(p)))];
        c.MappingJson = File.ReadAllText(c.Mapping);
        return c;
    }

    /// <summary>The largest valid input (bytes): memory bounded by the input is judged against it.</summary>
    public long LargestInputBytes => new[] { GeoJson.Length, GeoParquet.Length, GeoPackage.Length, Shapefile.Shp.Length + Shapefile.Dbf.Length }.Max();

    /// <summary>Removes the corpus folder.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // a temporary folder: left for the system to clean
        }
    }

    /// <summary>The Shapefile mapping: the base Shapefile's (10-character) attribute names.</summary>
    public string ShapefileMapping()
    {
        string path = Path.Combine(Dir, "shp-mapping.json");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, MappingJson.Replace("\"liczba_kondygnacji\"", "\"liczba_kon\"", StringComparison.Ordinal));
        }

        return path;
    }
}
