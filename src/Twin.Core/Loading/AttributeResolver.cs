using System.Globalization;
using NetTopologySuite.Geometries;
using Twin.Core.IO;
using Twin.Core.Spatial;
using Twin.Core.Stock;
using Twin.Core.Typologies;
using Twin.Core.Validation;

namespace Twin.Core.Loading;

/// <summary>
/// Resolves every accepted building's attributes: height and storeys, construction year, use, size
/// class, country, TABULA type and envelope areas. Observed values are validated; missing or absurd
/// ones are inferred by named rules and flagged <see cref="AttributeSource.Inferred"/>.
/// </summary>
internal sealed class AttributeResolver
{
    private readonly FeatureTable _table;
    private readonly StockLoadOptions _options;
    private readonly AttributeMapping _mapping;
    private readonly TypologyCatalog _catalog;
    private readonly IssueList _issues;
    private readonly CoordinateReferenceSystem _metric;
    private readonly AttributeColumn? _height;
    private readonly AttributeColumn? _storeys;
    private readonly AttributeColumn? _year;
    private readonly AttributeColumn? _use;
    private readonly AttributeColumn? _dwellings;
    private readonly AttributeColumn? _country;
    private readonly AttributeColumn? _useCode;
    private readonly AttributeColumn? _sizeClass;
    private readonly AttributeColumn? _neighbourhood;
    private readonly AttributeColumn? _heating;
    private readonly AttributeColumn?[] _renewal;

    public AttributeResolver(FeatureTable table, StockLoadOptions options, TypologyCatalog catalog, IssueList issues, CoordinateReferenceSystem metric)
    {
        _table = table;
        _options = options;
        _mapping = options.Mapping ?? AttributeMapping.Osm;
        _catalog = catalog;
        _issues = issues;
        _metric = metric;
        _height = Find(_mapping.Height);
        _storeys = Find(_mapping.Storeys);
        _year = Find(_mapping.Year);
        _use = Find(_mapping.Use);
        _dwellings = Find(_mapping.Dwellings);
        _country = Find(_mapping.Country);
        _useCode = Find(_mapping.UseCode);
        _sizeClass = Find(_mapping.SizeClass);
        _neighbourhood = Find(_mapping.Neighbourhood);
        _heating = Find(_mapping.Heating);
        _renewal = _mapping.RenewalAttributes().Select(Find).ToArray();
    }

    public StockBuilder Resolve(int[] accepted, StockLoader.RowState[] rows, Geometry[] geometries, FootprintMeasures measures)
    {
        int n = accepted.Length;
        var b = new StockBuilder(n, _metric) { Measures = measures };
        var kinds = new UseKind[n];
        for (int k = 0; k < n; k++)
        {
            int row = accepted[k];
            b.Ids[k] = rows[row].Id!;
            b.SourceRows[k] = row;
            b.Footprints[k] = geometries[k];
            string? useValue = AttributeParsing.Text(_use?.Values[row]);
            b.UseCode[k] = _useCode is null ? useValue : AttributeParsing.Text(_useCode.Values[row]);
            kinds[k] = _mapping.Classify(useValue);
            b.Use[k] = kinds[k] switch
            {
                UseKind.NonResidential => BuildingUse.NonResidential,
                UseKind.Unknown => BuildingUse.Unknown,
                _ => BuildingUse.Residential,
            };
            b.Dwellings[k] = AttributeParsing.Number(_dwellings?.Values[row]) is double d && d >= 0 ? (int)Math.Round(d) : 0;
        }

        ResolveHeights(b, kinds);
        ResolveYears(b);
        ResolveCurrentState(b);
        ResolveCountries(b);
        ApplyProvenance(b);
        ResolveTypologies(b, kinds, measures);
        ComputeEnvelope(b, measures);
        ReportFileLevelGaps(b);
        return b;
    }

    private AttributeColumn? Find(IReadOnlyList<string> names) => names.Select(_table.Find).FirstOrDefault(c => c is not null);

    private void ResolveHeights(StockBuilder b, UseKind[] kinds)
    {
        int n = b.Ids.Length;
        var observedHeight = new double?[n];
        var observedStoreys = new int?[n];
        for (int k = 0; k < n; k++)
        {
            int row = b.SourceRows[k];
            string id = b.Ids[k];
            object? hv = _height?.Values[row];
            double? h = AttributeParsing.Number(hv);
            if (hv is not null && h is null)
            {
                _issues.Add(id, _height!.Name, AttributeParsing.Text(hv), "m", "height is not a number", "Give the height in metres, e.g. 12.5.", IssueOutcome.Inferred, IssueCodes.UnparsableValue);
            }
            else if (h is double hh && (hh < _options.MinHeightM || hh > _options.MaxHeightM))
            {
                _issues.Add(id, _height!.Name, hh.ToString("G", CultureInfo.InvariantCulture), "m", $"height {hh:G} m is outside the plausible range {_options.MinHeightM}–{_options.MaxHeightM} m", "Check the unit (metres expected); the height was inferred from storeys instead.", IssueOutcome.Inferred, IssueCodes.AbsurdHeight);
                h = null;
            }

            object? sv = _storeys?.Values[row];
            double? s = AttributeParsing.Number(sv);
            if (sv is not null && s is null)
            {
                _issues.Add(id, _storeys!.Name, AttributeParsing.Text(sv), "storeys", "storeys is not a number", "Give the number of storeys above ground, e.g. 5.", IssueOutcome.Inferred, IssueCodes.UnparsableValue);
            }
            else if (s is double ss && (ss < 1 || ss > _options.MaxStoreys))
            {
                _issues.Add(id, _storeys!.Name, ss.ToString("G", CultureInfo.InvariantCulture), "storeys", $"{ss:G} storeys is outside the plausible range 1–{_options.MaxStoreys}", "Check the value; storeys were inferred instead.", IssueOutcome.Inferred, IssueCodes.AbsurdStoreys);
                s = null;
            }

            observedHeight[k] = h;
            observedStoreys[k] = s is double sss ? (int)Math.Round(sss) : null;
        }

        // Fallback for buildings with neither: the median observed storeys of buildings of the same use kind in this file.
        var medians = Enum.GetValues<UseKind>().ToDictionary(u => u, u => Median(Enumerable.Range(0, n).Where(k => kinds[k] == u && observedStoreys[k] is not null).Select(k => observedStoreys[k]!.Value)));
        int overall = Median(observedStoreys.Where(s => s is not null).Select(s => s!.Value)) ?? 1;
        double storeyHeight = _options.StoreyHeightM;
        for (int k = 0; k < n; k++)
        {
            (double? h, int? s) = (observedHeight[k], observedStoreys[k]);
            if (h is double hh && s is int ss)
            {
                (b.Height[k], b.Storeys[k]) = (hh, ss);
                double perStorey = hh / ss;
                if (perStorey is < 2.0 or > 8.0)
                {
                    _issues.Add(b.Ids[k], _height!.Name, hh.ToString("G", CultureInfo.InvariantCulture), "m", $"height {hh:G} m for {ss} storeys gives {perStorey:0.0} m per storey (plausible 2–8 m)", "Check height and storeys; both were kept.", IssueOutcome.Warning, IssueCodes.HeightStoreysMismatch);
                }
            }
            else if (h is double onlyH)
            {
                (b.Height[k], b.HeightSource[k]) = (onlyH, AttributeSource.Observed);
                (b.Storeys[k], b.StoreysSource[k]) = (Math.Max(1, (int)Math.Round(onlyH / storeyHeight)), AttributeSource.Inferred);
                continue;
            }
            else if (s is int onlyS)
            {
                (b.Storeys[k], b.StoreysSource[k]) = (onlyS, AttributeSource.Observed);
                (b.Height[k], b.HeightSource[k]) = (onlyS * storeyHeight, AttributeSource.Inferred);
                continue;
            }
            else
            {
                int guess = medians[kinds[k]] ?? overall;
                (b.Storeys[k], b.StoreysSource[k]) = (guess, AttributeSource.Inferred);
                (b.Height[k], b.HeightSource[k]) = (guess * storeyHeight, AttributeSource.Inferred);
                if (_height is not null || _storeys is not null)
                {
                    _issues.Add(b.Ids[k], _storeys?.Name ?? _height!.Name, null, "storeys", "neither height nor storeys given", $"Assumed {guess} storeys (median of '{b.UseCode[k] ?? "unknown use"}'-kind buildings in this file) × {storeyHeight} m; add the height or storeys to the source.", IssueOutcome.Inferred, IssueCodes.MissingHeight);
                }
            }
        }
    }

    private void ResolveYears(StockBuilder b)
    {
        int now = _options.ReferenceYear;
        for (int k = 0; k < b.Ids.Length; k++)
        {
            int row = b.SourceRows[k];
            object? v = _year?.Values[row];
            int? y = AttributeParsing.Year(v);
            if (v is not null && y is null)
            {
                _issues.Add(b.Ids[k], _year!.Name, AttributeParsing.Text(v), "year", "construction year is not a year", "Give a four-digit year (e.g. 1965 or 1965-05-01); the year was inferred.", IssueOutcome.Inferred, IssueCodes.UnparsableValue);
            }
            else if (y is int yy && (yy < _options.MinYear || yy > now))
            {
                _issues.Add(b.Ids[k], _year!.Name, yy.ToString(CultureInfo.InvariantCulture), "year", $"construction year {yy} is outside {_options.MinYear}–{now} (the stock's reference year)", "Check the value (or the reference year); it was ignored, and a year rule of the mapping, if one matches, inferred the year instead.", IssueOutcome.Inferred, IssueCodes.AbsurdYear);
                y = null;
            }

            if (y is int observed)
            {
                (b.Year[k], b.YearSource[k]) = (observed, AttributeSource.Observed);
                continue;
            }

            YearRule? rule = _mapping.YearRules.FirstOrDefault(r => Matches(r, row, b.Storeys[k]));
            if (rule is null)
            {
                b.YearSource[k] = AttributeSource.Missing;
            }
            else
            {
                (b.Year[k], b.YearSource[k], b.YearRule[k]) = (rule.Year, AttributeSource.Inferred, rule.Name);
            }
        }
    }

    /// <summary>
    /// The current heat generator and the renewal of walls, roof, floor and windows where the source states them. A heating
    /// value that names no generator, or a renewal that is neither a year nor yes/no, is reported and left unstated (the
    /// engine's defaults apply); a renewal year before construction or after the reference year likewise.
    /// </summary>
    private void ResolveCurrentState(StockBuilder b)
    {
        for (int k = 0; k < b.Ids.Length; k++)
        {
            int row = b.SourceRows[k];
            if (AttributeParsing.Text(_heating?.Values[row]) is string h)
            {
                string? name = _mapping.HeatingValues.TryGetValue(h, out string? mapped) ? mapped : HeatGenerators.Find(h);
                if (name is null)
                {
                    string? close = Suggestions.Closest(h, HeatGenerators.Names.Concat(_mapping.HeatingValues.Keys));
                    _issues.Add(b.Ids[k], _heating!.Name, h, null, $"'{h}' is not a heat generator{(close is null ? string.Empty : $" (did you mean '{close}'?)")}", $"Use one of {string.Join(", ", HeatGenerators.Names)}, or map the source's values in the mapping's heatingValues; the size class's default generator was used.", IssueOutcome.Inferred, IssueCodes.UnparsableValue);
                }

                b.Heating[k] = name;
            }

            for (int e = 0; e < _renewal.Length; e++)
            {
                if (_renewal[e] is AttributeColumn c && RenewalYear(b, k, c, c.Values[row]) is int year)
                {
                    b.RenewedYear[e][k] = year;
                    b.RenewalSource[k] = AttributeSource.Observed;
                }
            }
        }
    }

    /// <summary>0 = not renewed, a year, <see cref="BuildingStock.RenewedYearUnknown"/>; null where the value is missing or unusable (reported).</summary>
    private int? RenewalYear(StockBuilder b, int k, AttributeColumn c, object? v)
    {
        if (AttributeParsing.Text(v) is not string text)
        {
            return null;
        }

        int built = b.YearSource[k] == AttributeSource.Missing ? _options.MinYear : b.Year[k];
        if (RenewalValue.Parse(text, built, _options.ReferenceYear, out string? problem) is int year)
        {
            return year;
        }

        _issues.Add(b.Ids[k], c.Name, text, "year", problem!, "Give the year of the renewal (e.g. 2012), or yes / no; the value was ignored (the element counts as not stated).", IssueOutcome.Warning, problem!.StartsWith("renewal year", StringComparison.Ordinal) ? IssueCodes.AbsurdYear : IssueCodes.UnparsableValue);
        return null;
    }

    private bool Matches(YearRule rule, int row, int storeys)
    {
        if (rule.MinStoreys is int min && storeys < min)
        {
            return false;
        }

        if (rule.MaxStoreys is int max && storeys > max)
        {
            return false;
        }

        if (rule.Field is null)
        {
            return true;
        }

        string? value = AttributeParsing.Text(_table.Find(rule.Field)?.Values[row]);
        return value is not null && string.Equals(value, rule.EqualsValue, StringComparison.OrdinalIgnoreCase);
    }

    private void ResolveCountries(StockBuilder b)
    {
        string? fallback = _options.Country ?? (_metric.Epsg == 2180 ? "PL" : null);
        for (int k = 0; k < b.Ids.Length; k++)
        {
            string? c = AttributeParsing.Text(_country?.Values[b.SourceRows[k]]);
            if (c is { Length: 2 })
            {
                (b.Country[k], b.CountrySource[k]) = (c.ToUpperInvariant(), AttributeSource.Observed);
            }
            else
            {
                (b.Country[k], b.CountrySource[k]) = fallback is null ? (string.Empty, AttributeSource.Missing) : (fallback, AttributeSource.Inferred);
            }
        }
    }

    private void ResolveTypologies(StockBuilder b, UseKind[] kinds, FootprintMeasures m)
    {
        for (int k = 0; k < b.Ids.Length; k++)
        {
            b.GrossFloor[k] = m.AreaM2[k] * b.Storeys[k];
            SizeClass size;
            if (GivenSizeClass(b.SourceRows[k]) is (SizeClass given, AttributeSource source))
            {
                (size, b.SizeClass[k], b.SizeClassSource[k]) = (given, given, source);
            }
            else
            {
                size = SizeClassOf(kinds[k], b.Storeys[k], b.Dwellings[k], m.PartyWallLengthM[k], m.PerimeterM[k], b.GrossFloor[k]);
                (b.SizeClass[k], b.SizeClassSource[k]) = (size, size == SizeClass.Unknown ? AttributeSource.Missing : AttributeSource.Inferred);
            }

            b.Typology[k] = -1;
            if (size == SizeClass.Unknown)
            {
                continue;
            }

            int t = b.YearSource[k] == AttributeSource.Missing ? -1 : _catalog.Find(b.Country[k], size, b.Year[k]);
            if (t < 0 && size == SizeClass.AB)
            {
                t = _catalog.Find(b.Country[k], SizeClass.MFH, b.Year[k]); // e.g. PL has no AB type before 1967
            }

            b.Typology[k] = t;
            if (t < 0)
            {
                string why = b.YearSource[k] == AttributeSource.Missing ? "construction year unknown and no year rule matched"
                    : b.Country[k].Length == 0 ? "country unknown"
                    : $"the catalog has no {b.Country[k]} {size} type for {b.Year[k]}";
                _issues.Add(b.Ids[k], "typology", null, null, $"no TABULA typology: {why}", "Add the missing attribute, a year rule, or a catalog for this country.", IssueOutcome.Warning, IssueCodes.NoTypology);
            }
        }
    }

    /// <summary>A size class the source states (mapping <see cref="AttributeMapping.SizeClass"/>), with its provenance; null when none.</summary>
    private (SizeClass, AttributeSource)? GivenSizeClass(int row)
    {
        string? text = AttributeParsing.Text(_sizeClass?.Values[row]);
        return text is not null && Enum.TryParse(text, ignoreCase: true, out SizeClass s) && s != SizeClass.Unknown && Enum.IsDefined(s)
            ? (s, Provenance(_sizeClass!, row) ?? AttributeSource.Observed)
            : null;
    }

    /// <summary>
    /// The provenance a source states for a mapped column (twin's own <c>*_source</c> columns): a value the twin once
    /// inferred stays flagged inferred when read back, so reading an output never turns a guess into an observation.
    /// </summary>
    private AttributeSource? Provenance(AttributeColumn column, int row) =>
        _mapping.ProvenanceSuffix is string suffix && _table.Find(ProvenanceColumnName(column.Name, suffix)) is AttributeColumn p
            ? AttributeParsing.Text(p.Values[row]) switch
            {
                "inferred" => AttributeSource.Inferred,
                "missing" => AttributeSource.Missing,
                "observed" => AttributeSource.Observed,
                _ => null,
            }
            : null;

    /// <summary>height_m → height_source, storeys → storeys_source: the unit suffix is not part of the provenance column's name.</summary>
    private static string ProvenanceColumnName(string column, string suffix) =>
        (column.EndsWith("_m", StringComparison.Ordinal) ? column[..^2] : column) + suffix;

    /// <summary>Applies stated provenance to height, storeys, year and country (see <see cref="Provenance"/>), and keeps year rules' names.</summary>
    private void ApplyProvenance(StockBuilder b)
    {
        if (_mapping.ProvenanceSuffix is null)
        {
            return;
        }

        AttributeColumn? rule = _year is null ? null : _table.Find(_year.Name + "_rule");
        for (int k = 0; k < b.Ids.Length; k++)
        {
            int row = b.SourceRows[k];
            if (_height is not null && b.HeightSource[k] == AttributeSource.Observed && Provenance(_height, row) == AttributeSource.Inferred)
            {
                b.HeightSource[k] = AttributeSource.Inferred;
            }

            if (_storeys is not null && b.StoreysSource[k] == AttributeSource.Observed && Provenance(_storeys, row) == AttributeSource.Inferred)
            {
                b.StoreysSource[k] = AttributeSource.Inferred;
            }

            if (_year is not null && b.YearSource[k] == AttributeSource.Observed && Provenance(_year, row) == AttributeSource.Inferred)
            {
                b.YearSource[k] = AttributeSource.Inferred;
                b.YearRule[k] = AttributeParsing.Text(rule?.Values[row]);
            }

            if (_country is not null && b.CountrySource[k] == AttributeSource.Observed && Provenance(_country, row) == AttributeSource.Inferred)
            {
                b.CountrySource[k] = AttributeSource.Inferred;
            }
        }
    }

    /// <summary>Neighbourhood names per building from the mapped attribute (when no polygons are given): names sorted ordinally, −1 where empty.</summary>
    public (IReadOnlyList<string> Names, int[] Index)? NeighbourhoodsFromAttribute(StockBuilder b)
    {
        if (_neighbourhood is null)
        {
            return null;
        }

        string?[] values = b.SourceRows.Select(r => AttributeParsing.Text(_neighbourhood.Values[r])).ToArray();
        string[] names = values.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        return (names, values.Select(v => v is null ? -1 : index[v]).ToArray());
    }

    private SizeClass SizeClassOf(UseKind kind, int storeys, int dwellings, double partyWallM, double perimeterM, double grossFloorM2)
    {
        if (kind == UseKind.Residential)
        {
            bool single = dwellings > 0 ? dwellings <= 2 : storeys <= _options.SingleFamilyMaxStoreys && grossFloorM2 <= _options.SingleFamilyMaxGrossFloorAreaM2;
            kind = single ? UseKind.SingleFamily : UseKind.MultiFamily;
        }
        else if (kind == UseKind.MultiFamily && dwellings is > 0 and <= 2)
        {
            kind = UseKind.SingleFamily;
        }

        return kind switch
        {
            UseKind.SingleFamily => perimeterM > 0 && partyWallM / perimeterM >= _options.TerraceMinPartyWallShare ? SizeClass.TH : SizeClass.SFH,
            UseKind.MultiFamily => storeys >= _options.ApartmentBlockMinStoreys ? SizeClass.AB : SizeClass.MFH,
            _ => SizeClass.Unknown,
        };
    }

    private void ComputeEnvelope(StockBuilder b, FootprintMeasures m)
    {
        // Buildings without a typology (non-residential, unknown) use the median ratios of the catalog's types.
        double medianWindowRatio = MedianOf(_catalog.Types.Select(t => t.WindowToFacadeRatio));
        double medianAreaRatio = MedianOf(_catalog.Types.Select(t => t.ReferenceToGrossAreaRatio));
        for (int k = 0; k < b.Ids.Length; k++)
        {
            Typology? t = b.Typology[k] >= 0 ? _catalog.Types[b.Typology[k]] : null;
            double windowRatio = t is not null && double.IsFinite(t.WindowToFacadeRatio) ? t.WindowToFacadeRatio : medianWindowRatio;
            double areaRatio = t is not null && double.IsFinite(t.ReferenceToGrossAreaRatio) ? t.ReferenceToGrossAreaRatio : medianAreaRatio;
            double h = b.Height[k];
            b.WindowN[k] = m.ExposedNorthM[k] * h * windowRatio;
            b.WindowE[k] = m.ExposedEastM[k] * h * windowRatio;
            b.WindowS[k] = m.ExposedSouthM[k] * h * windowRatio;
            b.WindowW[k] = m.ExposedWestM[k] * h * windowRatio;
            double facade = (m.ExposedNorthM[k] + m.ExposedEastM[k] + m.ExposedSouthM[k] + m.ExposedWestM[k]) * h;
            b.Wall[k] = facade - b.WindowN[k] - b.WindowE[k] - b.WindowS[k] - b.WindowW[k];
            b.Roof[k] = m.AreaM2[k]; // flat-roof projection; pitched roof area is not modelled from footprints
            b.GroundFloor[k] = m.AreaM2[k];
            b.HeatedFloor[k] = b.GrossFloor[k] * areaRatio;
        }
    }

    private void ReportFileLevelGaps(StockBuilder b)
    {
        int n = b.Ids.Length;
        if (n == 0)
        {
            return;
        }

        if (_year is null)
        {
            int inferred = b.YearSource.Count(s => s == AttributeSource.Inferred);
            string rules = _mapping.YearRules.Count == 0 ? "no year rules are configured" : "rules: " + string.Join(", ", _mapping.YearRules.Select(r => r.Name));
            _issues.Add(null, string.Join("|", _mapping.Year), null, "year", $"the file has no construction-year attribute; {inferred} of {n} years were inferred ({rules})", "Map a year attribute in the attribute mapping, or review the year rules.", n == inferred ? IssueOutcome.Inferred : IssueOutcome.Warning, IssueCodes.MissingYear);
        }

        if (_height is null && _storeys is null)
        {
            _issues.Add(null, string.Join("|", _mapping.Height.Concat(_mapping.Storeys)), null, "m", $"the file has neither height nor storeys; all {n} buildings were given 1 storey", "Map a height or storeys attribute.", IssueOutcome.Inferred, IssueCodes.MissingHeight);
        }

        if (_use is null)
        {
            _issues.Add(null, string.Join("|", _mapping.Use), null, null, "the file has no building-use attribute, so no building gets a residential typology", "Map a use attribute (e.g. OSM 'building').", IssueOutcome.Warning, IssueCodes.NoTypology);
        }
    }

    private static int? Median(IEnumerable<int> values)
    {
        int[] v = values.Order().ToArray();
        return v.Length == 0 ? null : v[v.Length / 2];
    }

    private static double MedianOf(IEnumerable<double> values)
    {
        double[] v = values.Where(double.IsFinite).Order().ToArray();
        return v.Length == 0 ? double.NaN : v[v.Length / 2];
    }
}
