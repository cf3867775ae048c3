namespace Twin.Core.Spatial;

/// <summary>
/// Checks that a CRS definition is complete, well-formed WKT (OGC 01-009 §7 / ISO 19162 §6: KEYWORD[value, …] with
/// values that are numbers, quoted text, bare keywords or nested nodes) before ProjNet parses it: ProjNet's tokenizer
/// spins forever on some truncated definitions and reads damaged numbers partly, so a cut or garbled .prj would hang
/// or silently define another CRS. One forward pass, no recursion, bounded by the text's length.
/// </summary>
internal static class WktSyntax
{
    /// <summary>Nodes deeper than this are not a CRS (a WKT2 compound CRS is about 6 deep).</summary>
    private const int MaxDepth = 32;

    /// <summary>The first problem of <paramref name="wkt"/>, or null when it is well-formed.</summary>
    public static string? Problem(string wkt)
    {
        // Bytes that are not text (decoded as U+FFFD) or control characters mean a damaged file: inside a quoted
        // parameter name they would make ProjNet drop the parameter silently and define another CRS.
        int bad = wkt.AsSpan().IndexOfAnyInRange('\u0000', '\u0008');
        bad = bad >= 0 ? bad : wkt.AsSpan().IndexOfAny('\uFFFD', '\u007F');
        if (bad < 0)
        {
            for (int k = 0; k < wkt.Length && bad < 0; k++)
            {
                bad = char.IsControl(wkt[k]) && wkt[k] is not ('\t' or '\r' or '\n') ? k : -1;
            }
        }

        if (bad >= 0)
        {
            return $"a character that is not text ('{Printable(wkt[bad])}') at character {bad + 1}: the file is damaged";
        }

        var closers = new Stack<char>();
        int i = 0, n = wkt.Length;
        bool expectValue = true; // at the start, and after '[' or ','
        bool started = false;
        while (true)
        {
            SkipSpace(wkt, ref i);
            if (i >= n)
            {
                return !started ? "the definition is empty" : closers.Count > 0 ? $"the definition ends before its {closers.Count} open bracket(s) are closed (cut short?)" : null;
            }

            char c = wkt[i];
            if (started && closers.Count == 0)
            {
                return $"text after the end of the definition at character {i + 1}";
            }

            if (expectValue)
            {
                if (char.IsAsciiLetter(c) || c == '_')
                {
                    int start = i;
                    while (i < n && (char.IsAsciiLetterOrDigit(wkt[i]) || wkt[i] == '_'))
                    {
                        i++;
                    }

                    SkipSpace(wkt, ref i);
                    if (i < n && wkt[i] is '[' or '(')
                    {
                        if (closers.Count >= MaxDepth)
                        {
                            return $"nested deeper than {MaxDepth} levels";
                        }

                        closers.Push(wkt[i] == '[' ? ']' : ')');
                        started = true;
                        i++;
                        continue; // a value (or the closer of an empty node) follows
                    }

                    if (closers.Count == 0)
                    {
                        return $"'{wkt[start..i].Trim()}' is not followed by '['";
                    }
                }
                else if (c == '"')
                {
                    i++;
                    while (true)
                    {
                        int q = wkt.IndexOf('"', i);
                        if (q < 0)
                        {
                            return "a quoted name is not closed (cut short?)";
                        }

                        i = q + 1;
                        if (i < n && wkt[i] == '"')
                        {
                            i++; // "" is an escaped quote (ISO 19162 §6.3.3)
                            continue;
                        }

                        break;
                    }
                }
                else if (c is '-' or '+' or '.' || char.IsAsciiDigit(c))
                {
                    if (!Number(wkt, ref i))
                    {
                        return $"a damaged number at character {i + 1}";
                    }
                }
                else if (c is ']' or ')' && closers.Count > 0 && closers.Peek() == c && i > 0 && wkt[i - 1] is '[' or '(')
                {
                    closers.Pop();
                    i++;
                    expectValue = false;
                    continue;
                }
                else
                {
                    return $"unexpected character '{Printable(c)}' at character {i + 1}";
                }

                if (closers.Count == 0)
                {
                    return "the definition is not a KEYWORD[…] node";
                }

                expectValue = false;
                continue;
            }

            // after a value: ',' or the closer of the current node
            if (c == ',')
            {
                expectValue = true;
                i++;
            }
            else if (closers.Count > 0 && c == closers.Peek())
            {
                closers.Pop();
                i++;
            }
            else
            {
                return $"unexpected character '{Printable(c)}' at character {i + 1} (expected ',' or '{(closers.Count > 0 ? closers.Peek() : ']')}')";
            }
        }
    }

    private static void SkipSpace(string s, ref int i)
    {
        while (i < s.Length && s[i] is ' ' or '\t' or '\r' or '\n')
        {
            i++;
        }
    }

    /// <summary>[+-]digits[.digits][(e|E)[+-]digits], ending at a delimiter.</summary>
    private static bool Number(string s, ref int i)
    {
        int n = s.Length;
        if (s[i] is '-' or '+')
        {
            i++;
        }

        int digits = 0;
        while (i < n && char.IsAsciiDigit(s[i]))
        {
            i++;
            digits++;
        }

        if (i < n && s[i] == '.')
        {
            i++;
            while (i < n && char.IsAsciiDigit(s[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < n && s[i] is 'e' or 'E')
        {
            i++;
            if (i < n && s[i] is '-' or '+')
            {
                i++;
            }

            int exp = 0;
            while (i < n && char.IsAsciiDigit(s[i]))
            {
                i++;
                exp++;
            }

            if (exp == 0)
            {
                return false;
            }
        }

        int end = i;
        SkipSpace(s, ref i);
        bool delimited = i >= n || s[i] is ',' or ']' or ')';
        i = delimited ? end : i;
        return delimited;
    }

    private static string Printable(char c) => char.IsControl(c) || c > '~' ? $"\\u{(int)c:X4}" : c.ToString();
}
