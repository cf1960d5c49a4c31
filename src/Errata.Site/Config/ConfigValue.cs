namespace Errata.Site.Config;

/// <summary>The kinds of value site.config.json's keys take, as the JSON schema describes them.</summary>
public enum ConfigValue
{
    String,
    Boolean,
    Milliseconds,
    Profile,
    Profiles,
}
