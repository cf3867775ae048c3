using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Twin.Core.Validation;

/// <summary>
/// Checks a JSON document against the shape of the .NET type it is read into, before it is read: every member must exist
/// (a misspelt key is an error with "did you mean", not silently ignored), and null is allowed only where the type says
/// so (a null list, entry or object would otherwise reach the engine as a null reference). Type mismatches are left to
/// the serializer, which names their path.
/// </summary>
public static class JsonShape
{
    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>Every unknown member and forbidden null of <paramref name="root"/> read as <typeparamref name="T"/>.</summary>
    public static IReadOnlyList<DataIssue> Check<T>(JsonElement root, string source, JsonNamingPolicy naming, string hint)
    {
        var issues = new List<DataIssue>();
        Walk(root, typeof(T), "$", nullable: false, null, new Context(source, naming, hint, issues));
        return issues;
    }

    private sealed record Context(string Source, JsonNamingPolicy Naming, string Hint, List<DataIssue> Issues)
    {
        public void Add(string path, string? value, string message, string hint) =>
            Issues.Add(new DataIssue(Source, null, path, value, null, message, hint, IssueOutcome.Fatal, IssueCodes.InvalidInput));
    }

    private static void Walk(JsonElement e, Type type, string path, bool nullable, NullabilityInfo? info, Context c)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            if (!nullable && Nullable.GetUnderlyingType(type) is null)
            {
                c.Add(path, "null", "must not be null", $"Give a value, or leave the member out to take its default. {c.Hint}");
            }

            return;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(decimal))
        {
            return;
        }

        if (Element(type) is Type item && e.ValueKind == JsonValueKind.Array)
        {
            bool itemNullable = info?.ElementType?.ReadState == NullabilityState.Nullable || info?.GenericTypeArguments.FirstOrDefault()?.ReadState == NullabilityState.Nullable;
            NullabilityInfo? itemInfo = info?.ElementType ?? info?.GenericTypeArguments.FirstOrDefault();
            int i = 0;
            foreach (JsonElement x in e.EnumerateArray())
            {
                Walk(x, item, $"{path}[{i++}]", itemNullable, itemInfo, c);
            }

            return;
        }

        if (DictionaryValue(type) is Type value && e.ValueKind == JsonValueKind.Object)
        {
            NullabilityInfo? valueInfo = info?.GenericTypeArguments.Length == 2 ? info.GenericTypeArguments[1] : null;
            foreach (JsonProperty p in e.EnumerateObject())
            {
                Walk(p.Value, value, $"{path}.{p.Name}", valueInfo?.ReadState == NullabilityState.Nullable, valueInfo, c);
            }

            return;
        }

        if (e.ValueKind != JsonValueKind.Object || !type.IsClass)
        {
            return; // a type mismatch: the serializer names it
        }

        Dictionary<string, PropertyInfo> members = Members(type, c.Naming);
        foreach (JsonProperty p in e.EnumerateObject())
        {
            if (!members.TryGetValue(p.Name, out PropertyInfo? member))
            {
                string? close = Suggestions.Closest(p.Name, members.Keys);
                c.Add($"{path}.{p.Name}", null, "is not a member here", (close is null ? string.Empty : $"Did you mean '{close}'? ") + $"Members: {string.Join(", ", members.Keys.Order(StringComparer.Ordinal))}. {c.Hint}");
                continue;
            }

            NullabilityInfo n = Nullability.Create(member);
            Walk(p.Value, member.PropertyType, $"{path}.{p.Name}", n.WriteState == NullabilityState.Nullable || n.ReadState == NullabilityState.Nullable, n, c);
        }
    }

    /// <summary>The members a JSON object may have: settable (init) properties, by their JSON name.</summary>
    private static Dictionary<string, PropertyInfo> Members(Type type, JsonNamingPolicy naming) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null && p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.GetIndexParameters().Length == 0)
            .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? naming.ConvertName(p.Name), p => p, StringComparer.Ordinal);

    private static Type? Element(Type t) =>
        t.IsArray ? t.GetElementType()
        : t.IsGenericType && t.GetGenericArguments().Length == 1 && typeof(System.Collections.IEnumerable).IsAssignableFrom(t) ? t.GetGenericArguments()[0]
        : null;

    private static Type? DictionaryValue(Type t) =>
        t.IsGenericType && t.GetGenericArguments().Length == 2 && t.GetGenericTypeDefinition() is Type g
            && (g == typeof(IReadOnlyDictionary<,>) || g == typeof(IDictionary<,>) || g == typeof(Dictionary<,>))
            ? t.GetGenericArguments()[1]
            : null;
}
