using System.Text;

namespace OutboxGen.Generator.Emitting;

/// <summary>Writes C# text with four-space indentation and LF line ends, whatever the host machine uses.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _depth * 4).Append(line);
        }

        _text.Append('\n');
        return this;
    }

    public SourceWriter Open(string line)
    {
        Line(line);
        Line("{");
        _depth++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _depth--;
        return Line("}" + suffix);
    }

    /// <summary>Indents the following lines one level more, for arguments continued from the line before.</summary>
    public SourceWriter Indent()
    {
        _depth++;
        return this;
    }

    public SourceWriter Outdent()
    {
        _depth--;
        return this;
    }

    public override string ToString() => _text.ToString();
}
