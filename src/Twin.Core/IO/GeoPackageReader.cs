using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Twin.Core.Spatial;

namespace Twin.Core.IO;

/// <summary>
/// Reads the first (or the named) feature table of an OGC GeoPackage (OGC 12-128r18): geometry
/// column and SRS from gpkg_geometry_columns / gpkg_spatial_ref_sys, geometries as GeoPackage binary.
/// </summary>
public static class GeoPackageReader
{
    /// <summary>Reads the first feature table of the GeoPackage, or the one named <paramref name="layer"/>.</summary>
    public static FeatureTable Read(string path, string? layer = null)
    {
        var csb = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var conn = new SqliteConnection(csb.ConnectionString);
        conn.Open();

        string table, geomColumn;
        int srsId;
        using (SqliteCommand cmd = conn.CreateCommand())
        {
            cmd.CommandText = "SELECT table_name, column_name, srs_id FROM gpkg_geometry_columns" + (layer is null ? string.Empty : " WHERE table_name = $t") + " ORDER BY table_name LIMIT 1";
            if (layer is not null)
            {
                cmd.Parameters.AddWithValue("$t", layer);
            }

            using SqliteDataReader r = cmd.ExecuteReader();
            if (!r.Read())
            {
                throw new InvalidDataException(layer is null
                    ? $"{path}: the GeoPackage has no feature table (gpkg_geometry_columns is empty)."
                    : $"{path}: the GeoPackage has no feature table named '{layer}'.");
            }

            table = r.IsDBNull(0) ? string.Empty : Convert.ToString(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            geomColumn = r.IsDBNull(1) ? string.Empty : Convert.ToString(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            object srs = r.GetValue(2);
            if (srs is not long id || id is < int.MinValue or > int.MaxValue || table.Length == 0 || geomColumn.Length == 0)
            {
                throw new InvalidDataException($"gpkg_geometry_columns is damaged (table '{table}', column '{geomColumn}', srs_id {srs})");
            }

            srsId = (int)id;
        }

        CoordinateReferenceSystem? crs = ReadCrs(conn, srsId);
        string? pk = null;
        using (SqliteCommand cmd = conn.CreateCommand())
        {
            cmd.CommandText = $"SELECT name FROM pragma_table_info({Quote(table, '\'')}) WHERE pk = 1";
            pk = cmd.ExecuteScalar() as string;
        }

        var geometries = new List<Geometry?>();
        var errors = new List<string?>();
        var ids = new List<string?>();
        var columns = new List<(string Name, List<object?> Values)>();
        var reader = new GeoPackageGeoReader();
        using (SqliteCommand cmd = conn.CreateCommand())
        {
            cmd.CommandText = $"SELECT * FROM {Quote(table, '"')}" + (pk is null ? string.Empty : $" ORDER BY {Quote(pk, '"')}");
            using SqliteDataReader r = cmd.ExecuteReader();
            int geomOrdinal = r.GetOrdinal(geomColumn);
            int pkOrdinal = pk is null ? -1 : r.GetOrdinal(pk);
            var attrOrdinals = Enumerable.Range(0, r.FieldCount).Where(o => o != geomOrdinal && o != pkOrdinal).ToArray();
            bool[] isBoolean = attrOrdinals.Select(o => r.GetDataTypeName(o).Equals("BOOLEAN", StringComparison.OrdinalIgnoreCase)).ToArray();
            foreach (int o in attrOrdinals)
            {
                columns.Add((r.GetName(o), new List<object?>()));
            }

            while (r.Read())
            {
                ids.Add(pkOrdinal >= 0 && !r.IsDBNull(pkOrdinal) ? Convert.ToString(r.GetValue(pkOrdinal), System.Globalization.CultureInfo.InvariantCulture) : null);
                string? error = null;
                Geometry? g = null;
                if (!r.IsDBNull(geomOrdinal))
                {
                    byte[]? blob = r.GetValue(geomOrdinal) as byte[];
                    error = blob is null ? "the geometry column holds no GeoPackage binary" : GeoPackageBlobProblem(blob);
                    try
                    {
                        g = error is null ? reader.Read(blob) : null;
                    }
                    catch (Exception ex) when (ex is ParseException or ArgumentException or IOException or InvalidOperationException or InvalidCastException or IndexOutOfRangeException)
                    {
                        error = $"malformed GeoPackage geometry blob: {ex.Message}";
                    }
                }

                geometries.Add(g is { IsEmpty: false } ? g : null);
                errors.Add(error);
                for (int c = 0; c < attrOrdinals.Length; c++)
                {
                    object v = r.GetValue(attrOrdinals[c]);
                    columns[c].Values.Add(v is DBNull ? null : isBoolean[c] && v is long b ? b != 0 : v);
                }
            }
        }

        var cols = columns.Select(c => AttributeColumn.Infer(c.Name, c.Values.ToArray())).ToList();
        return new FeatureTable(path, "GeoPackage", crs, geometries.ToArray(), cols, errors.ToArray(), ids.ToArray());
    }

    private static CoordinateReferenceSystem? ReadCrs(SqliteConnection conn, int srsId)
    {
        using SqliteCommand cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = $id";
        cmd.Parameters.AddWithValue("$id", srsId);
        using SqliteDataReader r = cmd.ExecuteReader();
        if (!r.Read())
        {
            return null;
        }

        string org = r.IsDBNull(0) ? string.Empty : Convert.ToString(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        int code = r.GetValue(1) is long c and > 0 and <= int.MaxValue ? (int)c : 0;
        if (org.Equals("EPSG", StringComparison.OrdinalIgnoreCase) && CoordinateReferenceSystem.FromEpsg(code) is CoordinateReferenceSystem known)
        {
            return known;
        }

        string definition = r.GetValue(2) as string ?? string.Empty;
        if (definition.Length == 0 || definition.Equals("undefined", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            return CoordinateReferenceSystem.FromWkt(definition, org.Equals("EPSG", StringComparison.OrdinalIgnoreCase) && code > 0 ? code : null);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Checks a GeoPackage binary geometry (OGC 12-128r18 §2.1.3): "GP", version, flags (bits 1-3: the envelope's 0, 32,
    /// 48, 48 or 64 bytes), srs_id, envelope, then WKB, which <see cref="WkbCheck"/> checks.
    /// </summary>
    private static string? GeoPackageBlobProblem(byte[] blob)
    {
        if (blob.Length < 8 || blob[0] != (byte)'G' || blob[1] != (byte)'P')
        {
            return "the blob is not GeoPackage binary (no 'GP' header)";
        }

        int envelope = ((blob[3] >> 1) & 0x7) switch { 0 => 0, 1 => 32, 2 or 3 => 48, 4 => 64, _ => -1 };
        if (envelope < 0 || 8 + envelope > blob.Length)
        {
            return "the GeoPackage binary header is damaged";
        }

        return (blob[3] & 0x10) != 0 && 8 + envelope == blob.Length ? null : WkbCheck.Problem(blob.AsSpan(8 + envelope));
    }

    internal static string Quote(string name, char quote) => quote + name.Replace(quote.ToString(), new string(quote, 2), StringComparison.Ordinal) + quote;
}
