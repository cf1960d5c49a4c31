using System.Text.RegularExpressions;

namespace Errata.Documents.Rst.Parsers.Inlines;

/// <summary>
/// docutils' inline markup recognition rules (Inliner.patterns), with its punctuation classes
/// (docutils.utils.punctuation_chars, Basic Multilingual Plane only).
/// </summary>
internal static partial class InlinePatterns
{
    public const string Openers = "\"'(<\\[{\u0f3a\u0f3c\u169b\u2045\u207d\u208d\u2329\u2768\u276a\u276c\u276e\u2770\u2772\u2774\u27c5\u27e6\u27e8\u27ea\u27ec\u27ee\u2983\u2985\u2987\u2989\u298b\u298d\u298f\u2991\u2993\u2995\u2997\u29d8\u29da\u29fc\u2e22\u2e24\u2e26\u2e28\u3008\u300a\u300c\u300e\u3010\u3014\u3016\u3018\u301a\u301d\u301d\ufd3e\ufe17\ufe35\ufe37\ufe39\ufe3b\ufe3d\ufe3f\ufe41\ufe43\ufe47\ufe59\ufe5b\ufe5d\uff08\uff3b\uff5b\uff5f\uff62\u00ab\u2018\u201c\u2039\u2e02\u2e04\u2e09\u2e0c\u2e1c\u2e20\u201a\u201e\u00bb\u2019\u201d\u203a\u2e03\u2e05\u2e0a\u2e0d\u2e1d\u2e21\u201b\u201f";
    public const string Closers = "\"')>\\]}\u0f3b\u0f3d\u169c\u2046\u207e\u208e\u232a\u2769\u276b\u276d\u276f\u2771\u2773\u2775\u27c6\u27e7\u27e9\u27eb\u27ed\u27ef\u2984\u2986\u2988\u298a\u298c\u298e\u2990\u2992\u2994\u2996\u2998\u29d9\u29db\u29fd\u2e23\u2e25\u2e27\u2e29\u3009\u300b\u300d\u300f\u3011\u3015\u3017\u3019\u301b\u301e\u301f\ufd3f\ufe18\ufe36\ufe38\ufe3a\ufe3c\ufe3e\ufe40\ufe42\ufe44\ufe48\ufe5a\ufe5c\ufe5e\uff09\uff3d\uff5d\uff60\uff63\u00bb\u2019\u201d\u203a\u2e03\u2e05\u2e0a\u2e0d\u2e1d\u2e21\u201b\u201f\u00ab\u2018\u201c\u2039\u2e02\u2e04\u2e09\u2e0c\u2e1c\u2e20\u201a\u201e";
    private const string Delimiters = "\\-/:\u058a\u00a1\u00b7\u00bf\u037e\u0387\u055a-\u055f\u0589\u05be\u05c0\u05c3\u05c6\u05f3\u05f4\u0609\u060a\u060c\u060d\u061b\u061e\u061f\u066a-\u066d\u06d4\u0700-\u070d\u07f7-\u07f9\u0830-\u083e\u0964\u0965\u0970\u0df4\u0e4f\u0e5a\u0e5b\u0f04-\u0f12\u0f85\u0fd0-\u0fd4\u104a-\u104f\u10fb\u1361-\u1368\u1400\u166d\u166e\u16eb-\u16ed\u1735\u1736\u17d4-\u17d6\u17d8-\u17da\u1800-\u180a\u1944\u1945\u19de\u19df\u1a1e\u1a1f\u1aa0-\u1aa6\u1aa8-\u1aad\u1b5a-\u1b60\u1c3b-\u1c3f\u1c7e\u1c7f\u1cd3\u2010-\u2017\u2020-\u2027\u2030-\u2038\u203b-\u203e\u2041-\u2043\u2047-\u2051\u2053\u2055-\u205e\u2cf9-\u2cfc\u2cfe\u2cff\u2e00\u2e01\u2e06-\u2e08\u2e0b\u2e0e-\u2e1b\u2e1e\u2e1f\u2e2a-\u2e2e\u2e30\u2e31\u3001-\u3003\u301c\u3030\u303d\u30a0\u30fb\ua4fe\ua4ff\ua60d-\ua60f\ua673\ua67e\ua6f2-\ua6f7\ua874-\ua877\ua8ce\ua8cf\ua8f8-\ua8fa\ua92e\ua92f\ua95f\ua9c1-\ua9cd\ua9de\ua9df\uaa5c-\uaa5f\uaade\uaadf\uabeb\ufe10-\ufe16\ufe19\ufe30-\ufe32\ufe45\ufe46\ufe49-\ufe4c\ufe50-\ufe52\ufe54-\ufe58\ufe5f-\ufe61\ufe63\ufe68\ufe6a\ufe6b\uff01-\uff03\uff05-\uff07\uff0a\uff0c-\uff0f\uff1a\uff1b\uff1f\uff20\uff3c\uff61\uff64\uff65";
    private const string ClosingDelimiters = "\\\\.,;!?";

    private static readonly System.Buffers.SearchValues<char> PrefixCharacters = System.Buffers.SearchValues.Create(Expand(Openers + Delimiters));

    /// <summary>docutils' start-string prefix: markup starts the text or follows whitespace, an opener or a delimiter.</summary>
    public static bool StartsAfter(char previous) => char.IsWhiteSpace(previous) || PrefixCharacters.Contains(previous);

    /// <summary>A regex character class body as the characters it holds (ranges and escapes expanded).</summary>
    private static string Expand(string characterClass)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < characterClass.Length; i++)
        {
            var c = characterClass[i];
            if (c == '\\' && i + 1 < characterClass.Length) c = characterClass[++i];
            else if (c == '-' && sb.Length > 0 && i + 1 < characterClass.Length)
            {
                for (var r = (char)(sb[^1] + 1); r <= characterClass[i + 1]; r++) sb.Append(r);
                i++;
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }
    private const string EndSuffix = "(?:$|(?=[\\s\0" + ClosingDelimiters + Delimiters + Closers + "]))";
    private const string Name = Parsers.BodyPatterns.SimpleName;

    /// <summary>
    /// Anchored (<c>\G</c>) and without docutils' start-string prefix, which <see cref="InlineScanner"/>
    /// checks itself, so that it can run on a slice of the text without copying it.
    /// </summary>
    [GeneratedRegex(@"\G(?:(?<start>\*\*|\*(?!\*)|``|_`|\|(?!\|))(?!\s)|(?<whole>(?<refname>" + Name + @")(?<refend>__?)|\[(?<footnotelabel>[0-9]+|\#(?:" + Name + @")?|\*|(?<citationlabel>" + Name + @"))(?<fnend>\]_))" + EndSuffix + "|(?<role>(?::" + Name + ":)?)(?<backquote>`(?!`))(?!\\s))")]
    public static partial Regex Initial();

    [GeneratedRegex(@"(?<![\s\0])(\*)" + EndSuffix)]
    public static partial Regex EmphasisEnd();

    [GeneratedRegex(@"(?<![\s\0])(\*\*)" + EndSuffix)]
    public static partial Regex StrongEnd();

    [GeneratedRegex(@"(?<!\s)(``)" + EndSuffix)]
    public static partial Regex LiteralEnd();

    [GeneratedRegex(@"(?<![\s\0])(`)" + EndSuffix)]
    public static partial Regex TargetEnd();

    [GeneratedRegex(@"(?<![\s\0])(\|_{0,2})" + EndSuffix)]
    public static partial Regex SubstitutionEnd();

    [GeneratedRegex(@"(?<!(?<!\0)[\s\0])(`(?<suffix>(?<role>:" + Name + @":)?(?<refend>__?)?))" + EndSuffix)]
    public static partial Regex InterpretedEnd();

    [GeneratedRegex(@"((?:[ \n]+|^)<(?![ \n])((?:[^<>]|\0[<>])+)(?<![\s\0])>)$")]
    public static partial Regex EmbeddedLink();

    private const string Uric = @"[-_.!~*'()\[\];/:@&=+$,%a-zA-Z0-9\0]";
    private const string UriEnd = @"(?:[_~*/=+a-zA-Z0-9]|" + Uric + "(?=[>]))";
    private const string Emailc = @"[-_!~*'{|}/#?^`&=+$%a-zA-Z0-9\0]";

    /// <summary>Anchored and without the start-string prefix, as <see cref="Initial"/>.</summary>
    [GeneratedRegex(@"\G(?<whole>(?<absolute>(?<scheme>[a-zA-Z][a-zA-Z0-9.+-]*):(?:(?://?)?" + Uric + "*" + UriEnd + @")(?:\?" + Uric + "*" + UriEnd + @")?(?:\#" + Uric + "*" + UriEnd + ")?)|(?<email>" + Emailc + @"+(?:\." + Emailc + @"+)*(?<!\0)@" + Emailc + @"+(?:\." + Emailc + "*)*" + UriEnd + "))" + EndSuffix)]
    public static partial Regex Uri();

    /// <summary>Whether a start-string sits between a matching opener and closer, as in <c>"*"</c> or <c>(*)</c>.</summary>
    public static bool Quoted(char before, char after)
    {
        var i = Openers.IndexOf(before);
        if (i < 0) return false;
        if (after == Closers[i]) return true;
        return before switch
        {
            '\u00bb' => after == '\u00bb',
            '\u2018' => after == '\u201a',
            '\u2019' => after == '\u2019',
            '\u201a' => after is '\u2018' or '\u2019',
            '\u201c' => after == '\u201e',
            '\u201e' => after is '\u201c' or '\u201d',
            '\u201d' => after == '\u201d',
            '\u203a' => after == '\u203a',
            _ => false,
        };
    }

    private static readonly HashSet<string> Schemes =
    [
        "about", "acap", "addbook", "afp", "afs", "aim", "callto", "castanet", "chttp", "cid", "crid", "data", "dav", "dict", "dns", "eid",
        "fax", "feed", "file", "finger", "freenet", "ftp", "go", "gopher", "gsm-sms", "h323", "h324", "hdl", "hnews", "http", "https", "hydra",
        "iioploc", "ilu", "im", "imap", "info", "ior", "ipp", "irc", "iris.beep", "iseek", "jar", "javascript", "jdbc", "ldap", "lifn",
        "livescript", "lrq", "mailbox", "mailserver", "mailto", "md5", "mid", "mocha", "modem", "mtqp", "mupdate", "news", "nfs", "nntp",
        "opaquelocktoken", "phone", "pop", "pop3", "pres", "printer", "prospero", "rdar", "res", "rtsp", "rvp", "rwhois", "rx", "sdp",
        "service", "shttp", "sip", "sips", "smb", "snews", "snmp", "soap.beep", "soap.beeps", "ssh", "t120", "tag", "tcp", "tel",
        "telephone", "telnet", "tftp", "tip", "tn3270", "tv", "urn", "uuid", "vemmi", "videotex", "view-source", "wais", "whodp",
        "whois++", "x-man-page", "xmlrpc.beep", "xmlrpc.beeps", "z39.50r", "z39.50s",
    ];

    /// <summary>docutils links a standalone URI only for a registered scheme (urischemes.py).</summary>
    public static bool KnownScheme(string scheme) => Schemes.Contains(scheme.ToLowerInvariant());
}
