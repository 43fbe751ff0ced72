using System.Buffers;
using System.Text;

namespace Microneedling.Calendar;

/// <summary>
/// Writes iCalendar content lines as UTF-8 straight into a buffer: CRLF line ends, lines folded
/// at 75 octets (never inside a UTF-8 sequence or an escape pair), TEXT escaping, parameter quoting.
/// </summary>
internal sealed class ContentLineWriter(IBufferWriter<byte> output)
{
    private const int MaxOctets = 75;
    private static readonly byte[] Fold = "\r\n "u8.ToArray();

    // Printable ASCII that no mode rewrites: such runs are copied in bulk, a fold at a time.
    private static readonly SearchValues<char> Plain = SearchValues.Create(
        " !#$%&'()*+-./0123456789:<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]_`abcdefghijklmnopqrstuvwxyz{|}~");

    private int _lineOctets;

    /// <summary>A whole line of ASCII that never needs escaping, e.g. <c>BEGIN:VEVENT</c>.</summary>
    public void Line(string ascii)
    {
        Ascii(ascii);
        EndLine();
    }

    public void Ascii(ReadOnlySpan<char> ascii) => Write(ascii, Mode.Raw);

    public void Ascii(ReadOnlySpan<byte> ascii)
    {
        var span = output.GetSpan(ascii.Length + (ascii.Length / (MaxOctets - 1) + 1) * Fold.Length);
        var at = 0;
        foreach (var b in ascii)
        {
            at = Put(span, at, b);
        }

        output.Advance(at);
    }

    /// <summary>A TEXT value: <c>\ ; ,</c> and line breaks escaped, other control characters dropped.</summary>
    public void Text(ReadOnlySpan<char> value) => Write(value, Mode.Text);

    /// <summary>A URI or calendar address: written as is, control characters dropped.</summary>
    public void Uri(ReadOnlySpan<char> value) => Write(value, Mode.Raw);

    /// <summary>
    /// <c>;NAME=value</c>, with the value in double quotes when it holds <c>: ; ,</c>. A parameter
    /// cannot hold a double quote or a line break: they become a single quote and a space, readable
    /// in every client; <c>^</c> is written <c>^^</c> (RFC 6868) so parsers that decode it agree.
    /// </summary>
    public void Parameter(string name, ReadOnlySpan<char> value)
    {
        Ascii(";");
        Ascii(name);
        Ascii("=");
        var quote = value.IndexOfAny(":;,") >= 0;
        if (quote)
        {
            Ascii("\"");
        }

        Write(value, Mode.Parameter);
        if (quote)
        {
            Ascii("\"");
        }
    }

    public void EndLine()
    {
        "\r\n"u8.CopyTo(output.GetSpan(2));
        output.Advance(2);
        _lineOctets = 0;
    }

    private enum Mode
    {
        Raw,
        Text,
        Parameter,
    }

    private void Write(ReadOnlySpan<char> value, Mode mode)
    {
        // Worst case: every char escaped to 2 octets or 3 UTF-8 octets, plus a fold every 74 octets.
        var worst = value.Length * 3;
        var span = output.GetSpan(worst + (worst / (MaxOctets - 1) + 2) * Fold.Length);
        var at = 0;
        Span<byte> unit = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var run = value[i..].IndexOfAnyExcept(Plain);
            if (run != 0)
            {
                at = PutPlain(span, at, run < 0 ? value[i..] : value.Slice(i, run));
                if (run < 0)
                {
                    break;
                }

                i += run;
            }

            var c = value[i];
            if (c < 0x80)
            {
                at = WriteAscii(span, at, c, value, ref i, mode);
                continue;
            }

            if (Rune.DecodeFromUtf16(value[i..], out var rune, out var consumed) != OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
                consumed = 1;
            }

            i += consumed - 1;
            if (mode != Mode.Raw && (rune.Value is >= 0x80 and <= 0x9F))
            {
                continue;
            }

            var length = rune.EncodeToUtf8(unit);
            at = PutUnit(span, at, unit[..length]);
        }

        output.Advance(at);
    }

    private int WriteAscii(Span<byte> span, int at, char c, ReadOnlySpan<char> value, ref int i, Mode mode)
    {
        switch (c)
        {
            case '\r' or '\n':
                if (mode == Mode.Parameter)
                {
                    return Put(span, at, (byte)' ');
                }

                if (mode != Mode.Text)
                {
                    return at;
                }

                if (c == '\r' && i + 1 < value.Length && value[i + 1] == '\n')
                {
                    i++;
                }

                return PutUnit(span, at, "\\n"u8);
            case '\\' or ';' or ',' when mode == Mode.Text:
                return PutUnit(span, at, [(byte)'\\', (byte)c]);
            case '"' when mode == Mode.Parameter:
                return Put(span, at, (byte)'\'');
            case '^' when mode == Mode.Parameter:
                return PutUnit(span, at, "^^"u8);
            case '\t':
                return mode == Mode.Parameter ? Put(span, at, (byte)' ') : Put(span, at, (byte)c);
            case < ' ' or '\u007F':
                return at;
            default:
                return Put(span, at, (byte)c);
        }
    }

    private int PutPlain(Span<byte> span, int at, ReadOnlySpan<char> ascii)
    {
        while (ascii.Length > 0)
        {
            if (_lineOctets == MaxOctets)
            {
                at = WriteFold(span, at);
            }

            var take = Math.Min(ascii.Length, MaxOctets - _lineOctets);
            System.Text.Ascii.FromUtf16(ascii[..take], span[at..], out _);
            at += take;
            _lineOctets += take;
            ascii = ascii[take..];
        }

        return at;
    }

    private int Put(Span<byte> span, int at, byte b)
    {
        if (_lineOctets + 1 > MaxOctets)
        {
            at = WriteFold(span, at);
        }

        span[at++] = b;
        _lineOctets++;
        return at;
    }

    private int PutUnit(Span<byte> span, int at, ReadOnlySpan<byte> unit)
    {
        if (_lineOctets + unit.Length > MaxOctets)
        {
            at = WriteFold(span, at);
        }

        unit.CopyTo(span[at..]);
        _lineOctets += unit.Length;
        return at + unit.Length;
    }

    private int WriteFold(Span<byte> span, int at)
    {
        Fold.CopyTo(span[at..]);
        _lineOctets = 1;
        return at + Fold.Length;
    }
}
