namespace Monitoring.Core.Studies;

/// <summary>Identifies a study (one follow-up programme).</summary>
public readonly record struct StudyId(string Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value;
}

/// <summary>Identifies a trajectory (a professionalisation project run by one organisation).</summary>
public readonly record struct TrajectoryId(string Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value;
}

/// <summary>Identifies a network of schools that follow one trajectory together.</summary>
public readonly record struct NetworkId(string Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value;
}

/// <summary>Identifies a school (a "vestigingsplaats").</summary>
public readonly record struct SchoolId(string Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value;
}

/// <summary>Identifies a staff role, e.g. <c>leader</c> or <c>teacher</c>.</summary>
public readonly record struct RoleId(string Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value;
}

/// <summary>Identifies a wave (measurement moment), e.g. <c>T0</c>.</summary>
public readonly record struct WaveId(string Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value;
}
