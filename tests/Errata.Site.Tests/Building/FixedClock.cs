namespace Errata.Site.Tests.Building;

/// <summary>A clock that always reads the same instant, so first-verified dates are known.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
