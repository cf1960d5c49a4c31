using System.Text.Json;
using System.Text.Json.Nodes;
using Errata.Machine.Profiles;

namespace Errata.Site.Config;

/// <summary>
/// The JSON schema of site.config.json, written from the loader's one list of keys, so editors
/// complete and check exactly what Errata reads. `errata init` writes it beside the config.
/// </summary>
public static class SiteConfigSchema
{
    public const string FileName = "site.config.schema.json";

    public static string Write()
    {
        var profiles = new JsonArray(ProfileRegistry.All.Select(p => (JsonNode)JsonValue.Create(p.Name)!).ToArray());
        var properties = new JsonObject
        {
            [SiteConfigLoader.SchemaKey] = new JsonObject { ["type"] = "string", ["description"] = "Where editors find this schema; Errata reads nothing from it." },
        };
        foreach (var (name, value, description) in SiteConfigLoader.KeyDescriptions)
        {
            var property = value switch
            {
                ConfigValue.Boolean => new JsonObject { ["type"] = "boolean" },
                ConfigValue.Milliseconds => new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = SiteConfig.MaxRunTimeout },
                ConfigValue.Profile => new JsonObject { ["enum"] = profiles.DeepClone() },
                ConfigValue.Profiles => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["enum"] = profiles.DeepClone() } },
                _ => new JsonObject { ["type"] = "string" },
            };
            property["description"] = description;
            properties[name] = property;
        }
        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "Errata site.config.json",
            ["type"] = "object",
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
