using OutboxGen.Generator.Tests.Payloads.Fixtures;

namespace OutboxGen.Generator.Tests.Payloads;

/// <summary>
/// Random values for every fixture shape from a seeded <see cref="Random"/>, so a failing iteration can be
/// reproduced from its seed. Values reach the edges: extreme numbers, escaped and non-ASCII text, empty and null
/// collections.
/// </summary>
internal sealed class RandomPayloads(int seed)
{
    // Quotes, backslashes, control characters, HTML-sensitive characters, accents, CJK and a surrogate pair.
    private static readonly string[] Pieces =
    [
        "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u0001", "<", ">", "&", "'", "+", "é", "ß", "中",
        "\U0001F600", "member", "email@example.com",
    ];

    private readonly Random _random = new(seed);

    public Everything Everything(int depth = 0) => new(
        Scalars(),
        Collections(),
        Audit(),
        Settings(),
        new DerivedEvent { Id = _random.NextInt64(), Source = Text(), Kind = Text() },
        Point(),
        Money(),
        new Chosen(_random.Next(), Text()),
        depth < 2 && Chance() ? Everything(depth + 1) : null);

    public Scalars Scalars() => new()
    {
        Text = Text(),
        MaybeText = Chance() ? Text() : null,
        Flag = Chance(),
        SmallSigned = (sbyte)_random.Next(sbyte.MinValue, sbyte.MaxValue + 1),
        SmallUnsigned = (byte)_random.Next(byte.MaxValue + 1),
        Short = (short)_random.Next(short.MinValue, short.MaxValue + 1),
        UnsignedShort = (ushort)_random.Next(ushort.MaxValue + 1),
        Int = Pick(int.MinValue, int.MaxValue, 0, _random.Next(int.MinValue, int.MaxValue)),
        UnsignedInt = Pick(uint.MinValue, uint.MaxValue, (uint)_random.NextInt64(uint.MaxValue)),
        Long = Pick(long.MinValue, long.MaxValue, _random.NextInt64(long.MinValue, long.MaxValue)),
        UnsignedLong = Pick(ulong.MinValue, ulong.MaxValue, (ulong)_random.NextInt64() * 2),
        Single = Single(),
        Double = Double(),
        Decimal = Decimal(),
        Id = Guid(),
        When = DateTime(),
        At = DateTimeOffset(),
        Duration = Pick(TimeSpan.MinValue, TimeSpan.MaxValue, TimeSpan.Zero, new TimeSpan(_random.NextInt64())),
        Color = Pick(Color.Red, Color.Green, Color.Blue, (Color)_random.Next()),
        Huge = Pick(Huge.Small, Huge.Largest, (Huge)(ulong)_random.NextInt64()),
        Tiny = (Tiny)_random.Next(byte.MaxValue + 1),
        MaybeInt = Chance() ? _random.Next(int.MinValue, int.MaxValue) : null,
        MaybeId = Chance() ? Guid() : null,
        MaybeWhen = Chance() ? DateTime() : null,
        MaybeColor = Chance() ? (Color)_random.Next(8) : null,
        Bytes = Bytes(),
        MaybeBytes = Chance() ? Bytes() : null,
    };

    public Collections Collections() => new()
    {
        Numbers = Many(() => _random.Next(int.MinValue, int.MaxValue)).ToArray(),
        Names = Many(Text),
        MaybeNames = Many(() => Chance() ? Text() : null),
        Changes = Many(Change),
        Colors = Many(() => (Color)_random.Next(8)),
        Ids = Many(Guid),
        Measures = Many(Double),
        Sequence = Many(() => _random.NextInt64(long.MinValue, long.MaxValue)),
        Matrix = Many(() => Many(() => _random.Next(-1000, 1000))),
        Counts = Map(() => _random.Next()),
        ByField = Map(() => Chance() ? Change() : null),
        Labels = Map(() => Chance() ? Text() : null),
        MaybeGroups = Chance() ? Map(() => Many(() => _random.Next())) : null,
        Points = Many(Point).ToArray(),
    };

    public AuditEvent Audit() => new(
        _random.NextInt64(),
        Text(),
        new Actor(_random.NextInt64(), Text()),
        Many(Change),
        DateTime(),
        Chance() ? Text() : null,
        _random.Next(1, 10));

    public Settings Settings() => new()
    {
        Name = Text(),
        Level = _random.Next(),
        Theme = Chance() ? Text() : "light",
        Retries = _random.Next(10),
        MaxSize = _random.NextInt64(),
        Secret = "hidden",
        Optional = Chance() ? Text() : null,
        URLValue = Text(),
        Origin = Point(),
        Budget = Chance() ? Money() : null,
        Owner = Text(),
    };

    public Change Change() => new(Text(), Chance() ? Text() : null, Chance() ? Text() : null);

    public Point Point() => new() { X = _random.Next(int.MinValue, int.MaxValue), Y = _random.Next() };

    public Money Money() => new(Decimal(), Text());

    public string Text()
    {
        var length = _random.Next(0, 12);
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < length; i++)
        {
            text.Append(Pieces[_random.Next(Pieces.Length)]);
        }

        return text.ToString();
    }

    public long Long() => _random.NextInt64(long.MinValue, long.MaxValue);

    private bool Chance() => _random.Next(2) == 0;

    private T Pick<T>(params T[] choices) => choices[_random.Next(choices.Length)];

    private List<T> Many<T>(Func<T> next)
    {
        var count = _random.Next(0, 5);
        var items = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(next());
        }

        return items;
    }

    private Dictionary<string, T> Map<T>(Func<T> next)
    {
        var items = new Dictionary<string, T>();
        var count = _random.Next(0, 4);
        for (var i = 0; i < count; i++)
        {
            items[Text()] = next();
        }

        return items;
    }

    private float Single()
    {
        while (true)
        {
            var value = BitConverter.Int32BitsToSingle(_random.Next() ^ (_random.Next(2) << 31));
            if (float.IsFinite(value))
            {
                return Pick(value, 0f, float.MaxValue, float.Epsilon, 1.1f);
            }
        }
    }

    private double Double()
    {
        while (true)
        {
            var value = BitConverter.Int64BitsToDouble(_random.NextInt64() ^ ((long)_random.Next(2) << 63));
            if (double.IsFinite(value))
            {
                return Pick(value, 0d, double.MaxValue, double.Epsilon, 0.1, -2.5e-300);
            }
        }
    }

    private decimal Decimal() => Pick(
        decimal.MaxValue,
        decimal.MinValue,
        0m,
        new decimal(_random.Next(), _random.Next(), _random.Next(), Chance(), (byte)_random.Next(29)));

    private Guid Guid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private DateTime DateTime() => Pick(
        System.DateTime.SpecifyKind(System.DateTime.MinValue, DateTimeKind.Utc),
        System.DateTime.SpecifyKind(System.DateTime.MaxValue, DateTimeKind.Utc),
        new DateTime(_random.NextInt64(System.DateTime.MaxValue.Ticks), DateTimeKind.Utc));

    private DateTimeOffset DateTimeOffset()
    {
        var offset = TimeSpan.FromMinutes(_random.Next(-14 * 60, 14 * 60 + 1));
        var ticks = _random.NextInt64(System.DateTime.MaxValue.Ticks);
        var utc = ticks - offset.Ticks;
        return utc < 0 || utc > System.DateTime.MaxValue.Ticks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : new DateTimeOffset(ticks, offset);
    }

    private byte[] Bytes()
    {
        var bytes = new byte[_random.Next(0, 20)];
        _random.NextBytes(bytes);
        return bytes;
    }
}
