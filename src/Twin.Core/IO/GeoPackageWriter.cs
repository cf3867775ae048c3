using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Twin.Core.Spatial;

namespace Twin.Core.IO;

/// <summary>
/// Writes a <see cref="FeatureTable"/> as a minimal conforming GeoPackage 1.3 (OGC 12-128r18): the
/// three required metadata tables plus one feature table "buildings" in the table's own CRS
/// (EPSG code and WKT definition recorded in gpkg_spatial_ref_sys).
/// </summary>
public static class GeoPackageWriter
{
    /// <summary>Writes the table as one feature layer; written to a temporary name and renamed, so a crash never leaves a partial file.</summary>
    public static void Write(FeatureTable table, string path, string layer = "buildings", CancellationToken cancellation = default)
    {
        string tmp = path + ".tmp-" + Environment.ProcessId;
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is string dir)
        {
            Directory.CreateDirectory(dir);
        }

        if (File.Exists(tmp))
        {
            File.Delete(tmp);
        }

        try
        {
            WriteTo(table, tmp, layer, cancellation);
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp))
            {
                File.Delete(tmp);
            }
        }
    }

    private static void WriteTo(FeatureTable table, string path, string layer, CancellationToken cancellation)
    {
        CoordinateReferenceSystem crs = table.Crs ?? CoordinateReferenceSystem.Wgs84;
        int srsId = crs.Epsg ?? 99999;
        var csb = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        using var conn = new SqliteConnection(csb.ConnectionString);
        conn.Open();
        // The file is new and renamed into place only when complete (Write), so SQLite's crash safety is not needed while
        // it is written: no rollback journal, no fsync per page — the writer's time halves for a million rows.
        using (SqliteCommand pragma = conn.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 65536;";
            pragma.ExecuteNonQuery();
        }

        using SqliteTransaction tx = conn.BeginTransaction();
        Exec(conn, tx, "PRAGMA application_id = 1196444487"); // 'GPKG' (Req 2)
        Exec(conn, tx, "PRAGMA user_version = 10300");
        Exec(conn, tx, "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)");
        Exec(conn, tx, "CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER)");
        Exec(conn, tx, "CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name))");
        Exec(conn, tx, "INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL), ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL)");
        using (SqliteCommand cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO gpkg_spatial_ref_sys VALUES ($name, $id, $org, $code, $def, NULL)";
            cmd.Parameters.AddWithValue("$name", crs.Name);
            cmd.Parameters.AddWithValue("$id", srsId);
            cmd.Parameters.AddWithValue("$org", crs.Epsg is null ? "NONE" : "EPSG");
            cmd.Parameters.AddWithValue("$code", srsId);
            cmd.Parameters.AddWithValue("$def", crs.System.WKT);
            cmd.ExecuteNonQuery();
        }

        var bbox = new Envelope();
        foreach (Geometry? g in table.Geometries)
        {
            if (g is not null)
            {
                bbox.ExpandToInclude(g.EnvelopeInternal);
            }
        }

        string q = GeoPackageReader.Quote(layer, '"');
        var columnSql = table.Columns.Select(c => $"{GeoPackageReader.Quote(c.Name, '"')} {SqlType(c.Type)}");
        Exec(conn, tx, $"CREATE TABLE {q} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom GEOMETRY{string.Concat(columnSql.Select(s => ", " + s))})");
        using (SqliteCommand cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO gpkg_contents (table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id) VALUES ($t, 'features', $t, $x0, $y0, $x1, $y1, $srs)";
            cmd.Parameters.AddWithValue("$t", layer);
            cmd.Parameters.AddWithValue("$x0", bbox.IsNull ? 0 : bbox.MinX);
            cmd.Parameters.AddWithValue("$y0", bbox.IsNull ? 0 : bbox.MinY);
            cmd.Parameters.AddWithValue("$x1", bbox.IsNull ? 0 : bbox.MaxX);
            cmd.Parameters.AddWithValue("$y1", bbox.IsNull ? 0 : bbox.MaxY);
            cmd.Parameters.AddWithValue("$srs", srsId);
            cmd.ExecuteNonQuery();
            cmd.Parameters.Clear();
            cmd.CommandText = "INSERT INTO gpkg_geometry_columns VALUES ($t, 'geom', 'GEOMETRY', $srs, 0, 0)";
            cmd.Parameters.AddWithValue("$t", layer);
            cmd.Parameters.AddWithValue("$srs", srsId);
            cmd.ExecuteNonQuery();
        }

        using (SqliteCommand insert = conn.CreateCommand())
        {
            insert.Transaction = tx;
            var names = new List<string> { "geom" };
            names.AddRange(table.Columns.Select(c => GeoPackageReader.Quote(c.Name, '"')));
            insert.CommandText = $"INSERT INTO {q} ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select((_, i) => "$p" + i))})";
            var parameters = names.Select((_, i) => insert.Parameters.Add("$p" + i, SqliteType.Blob)).ToArray();
            for (int c = 0; c < table.Columns.Count; c++)
            {
                parameters[c + 1].SqliteType = SqlParamType(table.Columns[c].Type);
            }

            // Geometries are encoded in parallel, a block at a time (memory stays bounded), while SQLite inserts on one thread.
            const int Block = 16_384;
            var blobs = new byte[]?[Math.Min(Block, table.Count)];
            for (int start = 0; start < table.Count; start += Block)
            {
                cancellation.ThrowIfCancellationRequested();
                int count = Math.Min(Block, table.Count - start);
                Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellation }, () => new GeoPackageGeoWriter(), (k, _, writer) =>
                {
                    Geometry? g = table.Geometries[start + k];
                    if (g is not null)
                    {
                        g.SRID = srsId;
                    }

                    blobs[k] = g is null ? null : writer.Write(g);
                    return writer;
                }, _ => { });
                for (int k = 0; k < count; k++)
                {
                    int i = start + k;
                    parameters[0].Value = blobs[k] is byte[] blob ? blob : DBNull.Value;
                    for (int c = 0; c < table.Columns.Count; c++)
                    {
                        object? v = table.Columns[c].ValueAt(i);
                        parameters[c + 1].Value = v switch
                        {
                            null => DBNull.Value,
                            bool b => b ? 1L : 0L,
                            _ => v,
                        };
                    }

                    insert.ExecuteNonQuery();
                }
            }
        }

        tx.Commit();
    }

    private static string SqlType(AttributeType t) => t switch
    {
        AttributeType.Number => "DOUBLE",
        AttributeType.Integer => "INTEGER",
        AttributeType.Boolean => "BOOLEAN",
        _ => "TEXT",
    };

    private static SqliteType SqlParamType(AttributeType t) => t switch
    {
        AttributeType.Number => SqliteType.Real,
        AttributeType.Integer or AttributeType.Boolean => SqliteType.Integer,
        _ => SqliteType.Text,
    };

    private static void Exec(SqliteConnection conn, SqliteTransaction tx, string sql)
    {
        using SqliteCommand cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
