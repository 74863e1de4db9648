using System.Collections.Frozen;
using Monitoring.Core.Instruments;
using Monitoring.Core.Settings;

namespace Monitoring.Core.Studies;

/// <summary>
/// One follow-up programme: its organisation (trajectories, networks, schools), roles,
/// waves, instruments and analysis settings. Immutable; build it with
/// <see cref="Definitions.StudyDefinitionLoader"/>, which validates everything first.
/// </summary>
public sealed class Study
{
    private readonly FrozenDictionary<SchoolId, School> _schools;
    private readonly FrozenDictionary<SchoolId, Network> _networkOfSchool;
    private readonly FrozenDictionary<NetworkId, Network> _networks;
    private readonly FrozenDictionary<TrajectoryId, Trajectory> _trajectories;
    private readonly FrozenDictionary<WaveId, Wave> _waves;
    private readonly FrozenDictionary<RoleId, Role> _roles;
    private readonly FrozenDictionary<InstrumentId, Instrument> _instruments;
    private readonly FrozenDictionary<ItemId, Item> _items;
    private readonly FrozenDictionary<ScaleId, Scale> _scales;

    /// <summary>Creates a study from parts that are already consistent.</summary>
    /// <exception cref="ArgumentException">When ids repeat or references dangle: a caller's bug, since the loader validates first.</exception>
    public Study(
        StudyId id,
        LocalizedText name,
        IReadOnlyList<Trajectory> trajectories,
        IReadOnlyList<Network> networks,
        IReadOnlyList<School> schools,
        IReadOnlyList<Role> roles,
        IReadOnlyList<Wave> waves,
        IReadOnlyList<Instrument> instruments,
        AnalysisSettings analysis)
    {
        Id = id;
        Name = name;
        Trajectories = trajectories;
        Networks = networks;
        Schools = schools;
        Roles = roles;
        Waves = waves;
        Instruments = instruments;
        Analysis = analysis;
        Items = instruments.SelectMany(i => i.Items).ToArray();
        Scales = instruments.SelectMany(i => i.Scales).ToArray();

        _schools = schools.ToFrozenDictionary(s => s.Id);
        _networks = networks.ToFrozenDictionary(n => n.Id);
        _networkOfSchool = networks.SelectMany(n => n.Schools.Select(s => (s, n))).ToFrozenDictionary(p => p.s, p => p.n);
        _trajectories = trajectories.ToFrozenDictionary(t => t.Id);
        _waves = waves.ToFrozenDictionary(w => w.Id);
        _roles = roles.ToFrozenDictionary(r => r.Id);
        _instruments = instruments.ToFrozenDictionary(i => i.Id);
        _items = Items.ToFrozenDictionary(i => i.Id);
        _scales = Scales.ToFrozenDictionary(s => s.Id);

        foreach (var network in networks)
        {
            if (!_trajectories.ContainsKey(network.Trajectory))
                throw new ArgumentException($"Network '{network.Id}' follows unknown trajectory '{network.Trajectory}'.", nameof(networks));
            foreach (var school in network.Schools)
                if (!_schools.ContainsKey(school))
                    throw new ArgumentException($"Network '{network.Id}' lists unknown school '{school}'.", nameof(networks));
        }
        foreach (var wave in waves)
            foreach (var instrument in wave.Instruments)
                if (!_instruments.ContainsKey(instrument))
                    throw new ArgumentException($"Wave '{wave.Id}' includes unknown instrument '{instrument}'.", nameof(waves));
    }

    /// <summary>The study's id.</summary>
    public StudyId Id { get; }

    /// <summary>The study's name.</summary>
    public LocalizedText Name { get; }

    /// <summary>The trajectories, in definition order.</summary>
    public IReadOnlyList<Trajectory> Trajectories { get; }

    /// <summary>The networks, in definition order.</summary>
    public IReadOnlyList<Network> Networks { get; }

    /// <summary>The schools, in definition order.</summary>
    public IReadOnlyList<School> Schools { get; }

    /// <summary>The roles, in definition order.</summary>
    public IReadOnlyList<Role> Roles { get; }

    /// <summary>The waves, in chronological order; the first is the baseline.</summary>
    public IReadOnlyList<Wave> Waves { get; }

    /// <summary>The instruments, in definition order.</summary>
    public IReadOnlyList<Instrument> Instruments { get; }

    /// <summary>Every item of every instrument, in instrument order: the column order of the datasets.</summary>
    public IReadOnlyList<Item> Items { get; }

    /// <summary>Every scale and subscale of every instrument, parents before subscales.</summary>
    public IReadOnlyList<Scale> Scales { get; }

    /// <summary>The analysis settings.</summary>
    public AnalysisSettings Analysis { get; }

    /// <summary>The school with <paramref name="id"/>, or null.</summary>
    public School? FindSchool(SchoolId id) => _schools.GetValueOrDefault(id);

    /// <summary>The network with <paramref name="id"/>, or null.</summary>
    public Network? FindNetwork(NetworkId id) => _networks.GetValueOrDefault(id);

    /// <summary>The trajectory with <paramref name="id"/>, or null.</summary>
    public Trajectory? FindTrajectory(TrajectoryId id) => _trajectories.GetValueOrDefault(id);

    /// <summary>The wave with <paramref name="id"/>, or null.</summary>
    public Wave? FindWave(WaveId id) => _waves.GetValueOrDefault(id);

    /// <summary>The role with <paramref name="id"/>, or null.</summary>
    public Role? FindRole(RoleId id) => _roles.GetValueOrDefault(id);

    /// <summary>The instrument with <paramref name="id"/>, or null.</summary>
    public Instrument? FindInstrument(InstrumentId id) => _instruments.GetValueOrDefault(id);

    /// <summary>The item with <paramref name="id"/>, or null.</summary>
    public Item? FindItem(ItemId id) => _items.GetValueOrDefault(id);

    /// <summary>The scale with <paramref name="id"/>, or null.</summary>
    public Scale? FindScale(ScaleId id) => _scales.GetValueOrDefault(id);

    /// <summary>The network that <paramref name="school"/> belongs to, or null for a school in no network.</summary>
    public Network? NetworkOf(SchoolId school) => _networkOfSchool.GetValueOrDefault(school);

    /// <summary>The items that <paramref name="wave"/> administers, in presentation order.</summary>
    public IEnumerable<Item> ItemsOf(Wave wave) => wave.Instruments.SelectMany(i => _instruments[i].Items);
}
