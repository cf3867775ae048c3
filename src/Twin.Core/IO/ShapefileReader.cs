using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using Twin.Core.Spatial;
using Twin.Core.Validation;

namespace Twin.Core.IO;

/// <summary>
/// Reads an Esri Shapefile: the .shp geometries (ESRI Shapefile Technical Description, 1998), the .dbf attributes
/// (dBASE III+ table), the .cpg code page and the CRS from the .prj (a missing or damaged .prj leaves the CRS unknown,
/// which the loader reports unless the user names one).
/// <para>
/// Written here rather than taken from NetTopologySuite.IO.Esri because that reader trusts the file: one damaged record
/// aborted the whole file (an unclosed ring: "points must form a closed linestring", naming neither file nor record), and
/// a declared count of 2³¹−1 parts allocated until the process died. Here every declared size and count is checked
/// against the bytes that hold it before anything is allocated, and a damaged record costs that record (its row says
/// why), never the file; the .shx index is used to find the next record when one is damaged.
/// </para>
/// </summary>
public static class ShapefileReader
{
    private static readonly GeometryFactory Factory = new();

    /// <summary>Reads the Shapefile at <paramref name="path"/> (.shp, with its .shx, .dbf, .cpg and .prj beside it).</summary>
    /// <exception cref="InputException">The .shp or .dbf is not a Shapefile part or its header is damaged; the issue names the file.</exception>
    public static FeatureTable Read(string path)
    {
        byte[] shp = File.ReadAllBytes(path);
        CheckHeader(shp, path, 9994, ".shp");
        string shxPath = Path.ChangeExtension(path, ".shx");
        byte[]? shx = File.Exists(shxPath) ? File.ReadAllBytes(shxPath) : null;
        string dbfPath = Path.ChangeExtension(path, ".dbf");
        Dbf? dbf = File.Exists(dbfPath) ? Dbf.Read(dbfPath, Encoding(path, dbfPath)) : null;

        List<(Geometry? Geometry, string? Error)> records = ReadRecords(shp, shx, dbf?.Count);
        int n = dbf?.Count ?? records.Count;
        var geometries = new Geometry?[n];
        var errors = new string?[n];
        for (int i = 0; i < n; i++)
        {
            (geometries[i], errors[i]) = i < records.Count ? records[i] : (null, $"record {i + 1} has attributes in the .dbf but no geometry in the .shp (the .shp is cut short or damaged)");
            if (dbf is not null && dbf.Deleted[i])
            {
                errors[i] ??= $"record {i + 1} is marked deleted in the .dbf";
            }
        }

        var columns = dbf?.Columns.Select(c => AttributeColumn.Infer(c.Name, c.Values)).ToList() ?? [];
        if (records.Count > n)
        {
            // Geometries without an attribute row: counted, not silently dropped.
            Array.Resize(ref geometries, records.Count);
            Array.Resize(ref errors, records.Count);
            for (int i = n; i < records.Count; i++)
            {
                errors[i] = $"record {i + 1} has a geometry in the .shp but no row in the .dbf (the .dbf is cut short or damaged)";
            }

            columns = columns.Select(c => AttributeColumn.Infer(c.Name, [.. c.Values, .. new object?[records.Count - n]])).ToList();
        }

        (CoordinateReferenceSystem? crs, string? crsProblem) = ReadPrj(Path.ChangeExtension(path, ".prj"));
        return new FeatureTable(path, "Shapefile", crs, geometries, columns, errors) { CrsProblem = crsProblem };
    }

    private static (CoordinateReferenceSystem?, string?) ReadPrj(string prj)
    {
        if (!File.Exists(prj))
        {
            return (null, $"there is no {Path.GetFileName(prj)} beside it");
        }

        try
        {
            return (CoordinateReferenceSystem.FromWkt(File.ReadAllText(prj)), null);
        }
        catch (FormatException ex)
        {
            return (null, $"{Path.GetFileName(prj)} cannot be read: {ex.Message.TrimEnd('.')}");
        }
    }

    /// <summary>The main file header (100 bytes) of a .shp or .shx: file code 9994 (big-endian), version 1000.</summary>
    private static void CheckHeader(byte[] b, string path, int code, string part)
    {
        if (b.Length < 100 || BinaryPrimitives.ReadInt32BigEndian(b) != code || BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(28)) != 1000)
        {
            throw InputException.Fatal(path, "(file)", null, $"is not a Shapefile {part} (its 100-byte header is missing or damaged)", "Export the layer again (e.g. ogr2ogr -f \"ESRI Shapefile\"), or send it as GeoPackage.", IssueCodes.UnreadableFile);
        }
    }

    /// <summary>
    /// The records in order. Each is read at the position the previous one ends, or — when the header there is damaged —
    /// at the offset the .shx gives for it; with neither, the rest of the .shp cannot be found and reading stops (the
    /// attribute rows beyond are reported as lacking a geometry).
    /// </summary>
    private static List<(Geometry?, string?)> ReadRecords(byte[] shp, byte[]? shx, int? expected)
    {
        var records = new List<(Geometry?, string?)>();
        int indexed = shx is { Length: >= 100 } && BinaryPrimitives.ReadInt32BigEndian(shx) == 9994 ? (shx.Length - 100) / 8 : 0;
        long Indexed(int k) => k < indexed ? 2L * BinaryPrimitives.ReadInt32BigEndian(shx.AsSpan(100 + (8 * k))) : -1;
        int limit = expected ?? (indexed > 0 ? indexed : int.MaxValue);
        long pos = 100;
        for (int k = 0; k < limit; k++)
        {
            long at = HeaderAt(shp, pos, k) ? pos : HeaderAt(shp, Indexed(k), k) ? Indexed(k) : -1;
            if (at < 0)
            {
                if (pos >= shp.Length && k >= indexed)
                {
                    break; // the end of the file (rows of the .dbf beyond it are reported as lacking a geometry)
                }

                records.Add((null, $"record {k + 1} is damaged in the .shp (no valid record header at byte {Math.Min(pos, shp.Length)})"));
                if (expected is null && indexed == 0)
                {
                    break; // neither the .dbf nor the .shx says how many records follow
                }

                pos = long.MaxValue / 2; // lost: only the .shx can lead to the next record
                continue;
            }

            int length = 2 * BinaryPrimitives.ReadInt32BigEndian(shp.AsSpan((int)at + 4));
            try
            {
                records.Add(Shape(shp.AsSpan((int)at + 8, length), k));
            }
            catch (ArgumentException)
            {
                records.Add((null, $"record {k + 1} is damaged in the .shp (its rings do not form a geometry)"));
            }

            pos = at + 8 + length;
        }

        return records;
    }

    /// <summary>Whether a record header for record <paramref name="k"/> (number k + 1) lies at <paramref name="pos"/>, its content inside the file.</summary>
    private static bool HeaderAt(byte[] shp, long pos, int k)
    {
        if (pos < 100 || pos + 8 > shp.Length)
        {
            return false;
        }

        int number = BinaryPrimitives.ReadInt32BigEndian(shp.AsSpan((int)pos));
        long length = 2L * BinaryPrimitives.ReadInt32BigEndian(shp.AsSpan((int)pos + 4));
        return number == k + 1 && length >= 4 && pos + 8 + length <= shp.Length;
    }

    /// <summary>One record's shape; every count checked against the record's length before it is used.</summary>
    private static (Geometry?, string?) Shape(ReadOnlySpan<byte> r, int k)
    {
        int type = BinaryPrimitives.ReadInt32LittleEndian(r);
        string Damaged(string what) => $"record {k + 1} is damaged in the .shp ({what})";
        switch (type)
        {
            case 0:
                return (null, null); // a null shape: the loader rejects it as having no geometry
            case 1 or 11 or 21:
                if (r.Length < 20)
                {
                    return (null, Damaged("a point record shorter than its 20 bytes"));
                }

                Coordinate p = Xy(r, 4);
                return Finite(p) ? (Factory.CreatePoint(p), null) : (null, Damaged("a coordinate is not a finite number"));
            case 8 or 18 or 28:
            {
                int count = r.Length < 40 ? -1 : BinaryPrimitives.ReadInt32LittleEndian(r[36..]);
                if (count < 0 || 40L + (16L * count) > r.Length)
                {
                    return (null, Damaged("its point count does not fit the record"));
                }

                var pts = new Coordinate[count];
                for (int i = 0; i < count; i++)
                {
                    pts[i] = Xy(r, 40 + (16 * i));
                }

                return pts.All(Finite) ? (Factory.CreateMultiPointFromCoords(pts), null) : (null, Damaged("a coordinate is not a finite number"));
            }

            case 3 or 13 or 23 or 5 or 15 or 25:
                return Parts(r, k, polygon: type is 5 or 15 or 25);
            case 31:
                return (null, $"record {k + 1} is a MultiPatch (a 3-D surface), not a footprint: export the footprints as polygons");
            default:
                return (null, Damaged(string.Create(CultureInfo.InvariantCulture, $"unknown shape type {type}")));
        }
    }

    /// <summary>A PolyLine or Polygon record: box, numParts, numPoints, parts[numParts], points[numPoints] (Z and M values after them are not needed).</summary>
    private static (Geometry?, string?) Parts(ReadOnlySpan<byte> r, int k, bool polygon)
    {
        string Damaged(string what) => $"record {k + 1} is damaged in the .shp ({what})";
        if (r.Length < 44)
        {
            return (null, Damaged("shorter than its 44-byte header"));
        }

        int parts = BinaryPrimitives.ReadInt32LittleEndian(r[36..]), points = BinaryPrimitives.ReadInt32LittleEndian(r[40..]);
        if (parts < 1 || points < 0 || 44L + (4L * parts) + (16L * points) > r.Length)
        {
            return (null, Damaged(string.Create(CultureInfo.InvariantCulture, $"{parts} parts of {points} points do not fit its {r.Length} bytes")));
        }

        int first = 44 + (4 * parts);
        var lines = new List<Coordinate[]>(parts);
        for (int p = 0; p < parts; p++)
        {
            int start = BinaryPrimitives.ReadInt32LittleEndian(r[(44 + (4 * p))..]);
            int end = p + 1 < parts ? BinaryPrimitives.ReadInt32LittleEndian(r[(44 + (4 * (p + 1)))..]) : points;
            if (start < 0 || end > points || end - start < 2)
            {
                return (null, Damaged(string.Create(CultureInfo.InvariantCulture, $"part {p + 1} spans points {start}…{end} of {points}")));
            }

            var line = new Coordinate[end - start];
            for (int i = 0; i < line.Length; i++)
            {
                line[i] = Xy(r, first + (16 * (start + i)));
                if (!Finite(line[i]))
                {
                    return (null, Damaged("a coordinate is not a finite number"));
                }
            }

            lines.Add(line);
        }

        if (!polygon)
        {
            return (lines.Count == 1 ? Factory.CreateLineString(lines[0]) : Factory.CreateMultiLineString(lines.Select(l => Factory.CreateLineString(l)).ToArray()), null);
        }

        for (int p = 0; p < lines.Count; p++)
        {
            if (lines[p].Length < 4 || !lines[p][0].Equals2D(lines[p][^1]))
            {
                return (null, string.Create(CultureInfo.InvariantCulture, $"record {k + 1}: ring {p + 1} is not closed or has fewer than 4 points (malformed geometry)"));
            }
        }

        return (Polygons(lines), null);
    }

    /// <summary>
    /// Rings to polygons: clockwise rings are outer rings, counter-clockwise ones holes of the outer ring that contains
    /// them (Technical Description, p. 8); a file whose rings all run counter-clockwise (written against the rule) gets
    /// each ring as an outer ring.
    /// </summary>
    private static Geometry Polygons(List<Coordinate[]> rings)
    {
        var shells = new List<(LinearRing Ring, List<LinearRing> Holes)>();
        var holes = new List<LinearRing>();
        foreach (Coordinate[] c in rings)
        {
            LinearRing ring = Factory.CreateLinearRing(c);
            if (Orientation.IsCCW(c))
            {
                holes.Add(ring);
            }
            else
            {
                shells.Add((ring, []));
            }
        }

        if (shells.Count == 0)
        {
            shells.AddRange(holes.Select(h => (h, new List<LinearRing>())));
            holes.Clear();
        }

        foreach (LinearRing hole in holes)
        {
            int owner = shells.FindIndex(s => s.Ring.EnvelopeInternal.Contains(hole.EnvelopeInternal) && PointLocation.IsInRing(hole.Coordinates[0], s.Ring.Coordinates));
            if (owner >= 0)
            {
                shells[owner].Holes.Add(hole);
            }
            else
            {
                shells.Add((hole, [])); // a counter-clockwise ring inside no outer ring: an outer ring drawn the wrong way round
            }
        }

        Polygon[] polygons = shells.Select(s => Factory.CreatePolygon(s.Ring, [.. s.Holes])).ToArray();
        return polygons.Length == 1 ? polygons[0] : Factory.CreateMultiPolygon(polygons);
    }

    private static Coordinate Xy(ReadOnlySpan<byte> r, int at) => new(BinaryPrimitives.ReadDoubleLittleEndian(r[at..]), BinaryPrimitives.ReadDoubleLittleEndian(r[(at + 8)..]));

    private static bool Finite(Coordinate c) => double.IsFinite(c.X) && double.IsFinite(c.Y);

    /// <summary>The .dbf text encoding: the .cpg beside it (as GDAL reads it), else the dBASE language driver byte, else UTF-8.</summary>
    private static Encoding Encoding(string shpPath, string dbfPath)
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        string cpg = Path.ChangeExtension(shpPath, ".cpg");
        if (File.Exists(cpg) && new FileInfo(cpg).Length < 1024)
        {
            string name = File.ReadAllText(cpg).Trim();
            string digits = new(name.Where(char.IsAsciiDigit).ToArray());
            if (name.Replace("-", string.Empty, StringComparison.Ordinal).Equals("UTF8", StringComparison.OrdinalIgnoreCase))
            {
                return new UTF8Encoding(false);
            }

            if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int page) && TryPage(page == 88591 ? 28591 : page) is Encoding e)
            {
                return e;
            }
        }

        // dBASE language driver ids (byte 29) of the code pages in use in Europe; 0 = none given.
        using FileStream s = File.OpenRead(dbfPath);
        s.Position = 29;
        int ldid = s.ReadByte();
        int? codePage = ldid switch { 0x01 => 437, 0x02 => 850, 0x03 or 0x57 => 1252, 0x64 => 852, 0xC8 => 1250, 0xC9 => 1251, 0xCA => 1254, 0xCB => 1253, _ => null };
        return codePage is int cp && TryPage(cp) is Encoding enc ? enc : new UTF8Encoding(false);
    }

    private static Encoding? TryPage(int page)
    {
        try
        {
            return System.Text.Encoding.GetEncoding(page);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>A dBASE III+ table: header, field descriptors, fixed-length records.</summary>
    private sealed class Dbf
    {
        public required int Count { get; init; }

        public required List<(string Name, object?[] Values)> Columns { get; init; }

        public required bool[] Deleted { get; init; }

        public static Dbf Read(string path, Encoding encoding)
        {
            byte[] b = File.ReadAllBytes(path);
            InputException Bad(string what) => InputException.Fatal(path, "(file)", null, $"the .dbf header is damaged ({what})", "Export the layer again, or send it as GeoPackage; the attributes cannot be read.", IssueCodes.UnreadableFile);
            if (b.Length < 33)
            {
                throw Bad("shorter than 33 bytes");
            }

            int declared = BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(4));
            int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(8)), recordLength = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(10));
            if (headerLength < 33 || headerLength > b.Length || recordLength < 1)
            {
                throw Bad(string.Create(CultureInfo.InvariantCulture, $"header length {headerLength}, record length {recordLength}"));
            }

            var fields = new List<(string Name, char Type, int Offset, int Length, int Decimals)>();
            int offset = 1; // the deletion flag
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (int at = 32; at + 32 <= headerLength && b[at] != 0x0D; at += 32)
            {
                int nameLength = Array.IndexOf(b, (byte)0, at, 11) is int z and >= 0 ? z - at : 11;
                string name = System.Text.Encoding.ASCII.GetString(b, at, nameLength).Trim();
                int length = b[at + 16];
                if (name.Length == 0 || name.Any(char.IsControl) || length == 0)
                {
                    throw Bad($"field {fields.Count + 1} has no name or no length");
                }

                string unique = name;
                for (int d = 2; !names.Add(unique); d++)
                {
                    unique = string.Create(CultureInfo.InvariantCulture, $"{name}_{d}");
                }

                fields.Add((unique, (char)b[at + 11], offset, length, b[at + 17]));
                offset += length;
            }

            if (offset != recordLength)
            {
                throw Bad(string.Create(CultureInfo.InvariantCulture, $"its fields take {offset} bytes, its records {recordLength}"));
            }

            // The declared count is trusted only as far as the file holds the records (a damaged count cannot allocate).
            int fit = (b.Length - headerLength) / recordLength;
            int n = Math.Clamp(declared, 0, fit);
            var columns = fields.Select(f => (f.Name, new object?[n])).ToList();
            var deleted = new bool[n];
            for (int i = 0; i < n; i++)
            {
                ReadOnlySpan<byte> rec = b.AsSpan(headerLength + (i * recordLength), recordLength);
                deleted[i] = rec[0] == (byte)'*';
                for (int f = 0; f < fields.Count; f++)
                {
                    (_, char type, int at, int length, int decimals) = fields[f];
                    columns[f].Item2[i] = Value(rec.Slice(at, length), type, decimals, encoding);
                }
            }

            return new Dbf { Count = n, Columns = columns, Deleted = deleted };
        }

        /// <summary>One field value: text trimmed (empty = null), numbers as long/double (unparsable text kept, for the loader to report), logicals, dates as yyyy-MM-dd.</summary>
        private static object? Value(ReadOnlySpan<byte> v, char type, int decimals, Encoding encoding)
        {
            switch (type)
            {
                case 'N' or 'F':
                {
                    string t = System.Text.Encoding.Latin1.GetString(v).Trim().TrimEnd('\0');
                    if (t.Length == 0 || t.All(c => c is '*' or '?'))
                    {
                        return null;
                    }

                    return decimals == 0 && long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l) ? l
                        : double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) ? d
                        : t;
                }

                case 'L':
                    return v.Length > 0 && v[0] is (byte)'T' or (byte)'t' or (byte)'Y' or (byte)'y' ? true : v.Length > 0 && v[0] is (byte)'F' or (byte)'f' or (byte)'N' or (byte)'n' ? false : null;
                case 'D':
                {
                    string t = System.Text.Encoding.Latin1.GetString(v).Trim();
                    return t.Length == 0 ? null
                        : DateTime.TryParseExact(t, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime date) ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                        : t;
                }

                case 'I' when v.Length == 4:
                    return (long)BinaryPrimitives.ReadInt32LittleEndian(v);
                case 'O' when v.Length == 8:
                    return BinaryPrimitives.ReadDoubleLittleEndian(v) is double o && double.IsFinite(o) ? o : null;
                default:
                {
                    string t = encoding.GetString(v).TrimEnd('\0', ' ').Trim();
                    return t.Length == 0 ? null : t;
                }
            }
        }
    }
}
