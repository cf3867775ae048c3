using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Twin.Fuzz.Tests;

/// <summary>One mutated input: its bytes, what was done, and whether the result is certainly invalid (must be refused).</summary>
internal sealed record Mutant(byte[] Bytes, string What, bool MustFail = false);

/// <summary>Seeded mutations: byte level (flips, truncation, declared sizes) and JSON level (nulls, wrong types, extreme numbers, misspelt keys, deep nesting).</summary>
internal static class Mutations
{
    private static readonly double[] Extremes = [0, -1, 1e308, -1e308, 1e-320, 2147483648, 1e30, 90.0001, 180.0001, -180.0001, 1e5, 637000.5];

    public static Mutant Bytes(byte[] input, Random rng)
    {
        byte[] b = (byte[])input.Clone();
        switch (rng.Next(6))
        {
            case 0:
                int flips = 1 + rng.Next(3);
                for (int k = 0; k < flips; k++)
                {
                    b[rng.Next(b.Length)] ^= (byte)(1 << rng.Next(8));
                }

                return new(b, $"{flips} bit flip(s)");
            case 1:
                int cut = rng.Next(b.Length);
                return new(b[..cut], $"truncated at {cut} of {b.Length} bytes");
            case 2:
                int at = rng.Next(Math.Max(1, b.Length - 4));
                int value = rng.Next(4) switch { 0 => int.MaxValue, 1 => -1, 2 => int.MinValue, _ => rng.Next() };
                BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(at, Math.Min(4, b.Length - at)).Length == 4 ? b.AsSpan(at, 4) : new byte[4], value);
                return new(b, $"int32 {value} written at {at} (a declared size or count)");
            case 3:
                int at2 = rng.Next(Math.Max(1, b.Length - 4));
                if (at2 + 4 <= b.Length)
                {
                    BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(at2, 4), rng.Next(2) == 0 ? int.MaxValue : 0x7FFF_FFF0);
                }

                return new(b, $"big-endian int32 written at {at2}");
            case 4:
                int from = rng.Next(b.Length), len = Math.Min(rng.Next(1, 64), b.Length - from);
                byte[] chunk = b.AsSpan(from, len).ToArray();
                int to = rng.Next(b.Length);
                return new([.. b[..to], .. chunk, .. b[to..]], $"{len} bytes duplicated into offset {to}");
            default:
                int zero = rng.Next(b.Length), n = Math.Min(rng.Next(1, 16), b.Length - zero);
                b.AsSpan(zero, n).Fill(rng.Next(2) == 0 ? (byte)0 : (byte)0xFF);
                return new(b, $"{n} bytes at {zero} set to 0x00/0xFF");
        }
    }

    /// <summary>A JSON-level change of one random member or element (or a byte-level one, one time in five).</summary>
    public static Mutant Json(string json, Random rng)
    {
        if (rng.Next(5) == 0)
        {
            return Bytes(Encoding.UTF8.GetBytes(json), rng);
        }

        JsonNode root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        List<(JsonNode Parent, string? Key, int Index, JsonNode? Node, string Path)> places = [];
        Collect(root, "$", places);
        (JsonNode parent, string? key, int index, JsonNode? node, string path) = places[rng.Next(places.Count)];
        string what;
        bool mustFail = false;
        JsonNode? replacement = null;
        bool remove = false;
        switch (rng.Next(7))
        {
            case 0:
                what = $"{path} = null";
                break;
            case 1:
                replacement = node switch
                {
                    JsonValue v when v.TryGetValue(out double _) => JsonValue.Create("text"),
                    JsonValue => JsonValue.Create(42),
                    JsonArray => new JsonObject(),
                    _ => new JsonArray(),
                };
                what = $"{path} of the wrong type";
                break;
            case 2:
                double x = Extremes[rng.Next(Extremes.Length)];
                replacement = JsonValue.Create(x);
                what = $"{path} = {x.ToString("R", CultureInfo.InvariantCulture)}";
                break;
            case 3 when key is not null:
                string misspelt = Misspell(key, rng);
                if (parent is JsonObject o && !o.ContainsKey(misspelt))
                {
                    JsonNode? moved = o[key];
                    o.Remove(key);
                    o[misspelt] = moved;
                    return new(Encoding.UTF8.GetBytes(root.ToJsonString()), $"{path} misspelt as '{misspelt}'", MustFail: true);
                }

                what = $"{path} kept";
                replacement = node?.DeepClone();
                break;
            case 4:
                remove = true;
                what = $"{path} removed";
                break;
            case 5:
                int depth = rng.Next(2) == 0 ? 70 : 10_000;
                replacement = JsonNode.Parse(new string('[', depth) + new string(']', depth), documentOptions: new JsonDocumentOptions { MaxDepth = depth + 1 });
                what = $"{path} nested {depth} deep";
                mustFail = true;
                break;
            default:
                replacement = JsonValue.Create(-(rng.NextDouble() * 1e6));
                what = $"{path} negative";
                break;
        }

        if (parent is JsonObject obj && key is not null)
        {
            if (remove)
            {
                obj.Remove(key);
            }
            else
            {
                obj[key] = replacement;
            }
        }
        else if (parent is JsonArray arr)
        {
            if (remove)
            {
                arr.RemoveAt(index);
            }
            else
            {
                arr[index] = replacement;
            }
        }

        string text = root.ToJsonString(new JsonSerializerOptions { MaxDepth = 20_000 });
        return new(Encoding.UTF8.GetBytes(text), what, mustFail);
    }

    private static void Collect(JsonNode node, string path, List<(JsonNode, string?, int, JsonNode?, string)> places)
    {
        if (node is JsonObject o)
        {
            foreach ((string k, JsonNode? v) in o.ToList())
            {
                places.Add((o, k, -1, v, $"{path}.{k}"));
                if (v is not null)
                {
                    Collect(v, $"{path}.{k}", places);
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (int i = 0; i < a.Count; i++)
            {
                places.Add((a, null, i, a[i], $"{path}[{i}]"));
                if (a[i] is JsonNode child)
                {
                    Collect(child, $"{path}[{i}]", places);
                }
            }
        }
    }

    private static string Misspell(string key, Random rng)
    {
        if (key.Length < 2)
        {
            return key + "x";
        }

        int i = rng.Next(key.Length);
        return rng.Next(3) switch
        {
            0 => key.Remove(i, 1),
            1 => key.Insert(i, "x"),
            _ => key[..^1] + (key[^1] == 'r' ? 's' : 'r'),
        };
    }
}
