using System.CommandLine;
using Twin.Pipeline;

namespace Twin.Cli;

/// <summary>The options that say how to read a stock, shared by <c>stock</c> and <c>run</c>, and the <see cref="StockSource"/> they make.</summary>
internal sealed class StockOptions
{
    private readonly Option<string?> _mapping = new("--mapping") { Description = "Attribute mapping JSON (default: twin's own stock columns, else OSM names)" };
    private readonly Option<string?> _neighbourhoods = new("--neighbourhoods") { Description = "Neighbourhood polygons to aggregate by" };
    private readonly Option<string?> _sourceCrs = new("--source-crs") { Description = "CRS to assume when the file has none, e.g. EPSG:2180" };
    private readonly Option<string?> _metricCrs = new("--metric-crs") { Description = "Metric CRS to measure in (default: EPSG:2180 in Poland, else local UTM)" };
    private readonly Option<string?> _country = new("--country") { Description = "TABULA country code for buildings without one (default: from location)" };
    private readonly Option<int?> _referenceYear;

    public StockOptions(string referenceYearDefault) =>
        _referenceYear = new("--reference-year") { Description = $"Year the stock is described in (default: {referenceYearDefault}): later construction years are implausible" };

    public void AddTo(Command command)
    {
        foreach (Option o in new Option[] { _mapping, _neighbourhoods, _sourceCrs, _metricCrs, _country, _referenceYear })
        {
            command.Options.Add(o);
        }
    }

    public StockSource Source(ParseResult r, string path) => new()
    {
        Path = path,
        MappingPath = r.GetValue(_mapping),
        NeighbourhoodsPath = r.GetValue(_neighbourhoods),
        SourceCrs = Common.ParseCrs(r.GetValue(_sourceCrs), "--source-crs"),
        MetricCrs = Common.ParseCrs(r.GetValue(_metricCrs), "--metric-crs"),
        Country = r.GetValue(_country),
        ReferenceYear = r.GetValue(_referenceYear),
    };
}
