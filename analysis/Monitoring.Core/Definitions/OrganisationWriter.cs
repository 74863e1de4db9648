using System.Text.Encodings.Web;
using System.Text.Json;
using Monitoring.Core.Studies;

namespace Monitoring.Core.Definitions;

/// <summary>Writes a study's organisation (trajectories, networks, schools) in the organisation.json format.</summary>
public static class OrganisationWriter
{
    /// <summary>Writes <paramref name="study"/>'s organisation to <paramref name="output"/> as indented UTF-8 JSON.</summary>
    public static async Task WriteAsync(Study study, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(study);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteStartArray("trajectories");
        foreach (var t in study.Trajectories)
        {
            json.WriteStartObject();
            json.WriteString("id", t.Id.Value);
            json.WriteString("name", t.Name);
            if (t.Organisation is not null) json.WriteString("organisation", t.Organisation);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("networks");
        foreach (var n in study.Networks)
        {
            json.WriteStartObject();
            json.WriteString("id", n.Id.Value);
            json.WriteString("name", n.Name);
            json.WriteString("trajectory", n.Trajectory.Value);
            json.WriteStartArray("schools");
            foreach (var s in n.Schools) json.WriteStringValue(s.Value);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("schools");
        foreach (var s in study.Schools)
        {
            json.WriteStartObject();
            json.WriteString("id", s.Id.Value);
            json.WriteString("name", s.Name);
            if (s.Kind is not null) json.WriteString("kind", s.Kind);
            json.WriteStartObject("staff");
            foreach (var wave in study.Waves)
                if (s.StaffAt(wave.Id) is { } count) json.WriteNumber(wave.Id.Value, count);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
