using System.ComponentModel;
using System.Text;

namespace OutboxGen.Serialization;

/// <summary>
/// A payload cannot be read at some point of its JSON. Generated readers throw it and add a path segment as it
/// passes each object member and array element on its way out; <see cref="OutboxPayloadSerializer{T}"/> turns it
/// into an <see cref="OutboxPayloadException"/> that names the whole path. The path is built only on failure.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PayloadPathException : Exception
{
    // Segments are added innermost first, as the exception leaves each nested reader.
    private readonly List<string> _segments = [];

    /// <summary>Creates the exception for a failure at the current position.</summary>
    public PayloadPathException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>The JSON path of the failure, such as <c>$.members[2].email</c>.</summary>
    public string JsonPath
    {
        get
        {
            var path = new StringBuilder("$");
            for (var i = _segments.Count - 1; i >= 0; i--)
            {
                path.Append(_segments[i]);
            }

            return path.ToString();
        }
    }

    internal void AddProperty(string name)
    {
        _segments.Add(IsPlainName(name)
            ? "." + name
            : "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']");
    }

    internal void AddIndex(int index) =>
        _segments.Add("[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
