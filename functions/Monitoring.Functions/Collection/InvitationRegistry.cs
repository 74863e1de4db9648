using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;

namespace Monitoring.Functions.Collection;

/// <summary>
/// The study's invitations (token hashes only), read from the artifact store's
/// <c>invitations/{study}.json</c>; an unknown token reloads them, at most once per refresh
/// interval, so links issued while the app runs start working without a restart.
/// </summary>
public sealed class InvitationRegistry(Study study, IArtifactStore artifacts, TimeProvider time, TimeSpan refresh, ILogger<InvitationRegistry> logger)
{
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private volatile InvitationBook _book = new(study.Id, []);
    private long _lastLoadTicks; // 0: never loaded

    /// <summary>The invitation whose questionnaire token is <paramref name="token"/>, or null when the token is malformed or unknown.</summary>
    public ValueTask<Invitation?> FindAsync(string token, CancellationToken cancellationToken) =>
        FindAsync(token, static (book, t) => book.FindByToken(t), cancellationToken);

    /// <summary>The invitation whose status token (the school contact's) is <paramref name="token"/>, or null; a questionnaire token is not one.</summary>
    public ValueTask<Invitation?> FindByStatusTokenAsync(string token, CancellationToken cancellationToken) =>
        FindAsync(token, static (book, t) => book.FindByStatusToken(t), cancellationToken);

    /// <summary>Whether <paramref name="codeHash"/> is one of <paramref name="invitation"/>'s access codes.</summary>
    public bool HasCode(Invitation invitation, string codeHash) => _book.HasCode(invitation, codeHash);

    private async ValueTask<Invitation?> FindAsync(string token, Func<InvitationBook, string, Invitation?> find, CancellationToken cancellationToken)
    {
        if (!InvitationToken.IsWellFormed(token)) return null;
        var found = find(_book, token);
        if (found is not null) return found;
        if (!IsStale()) return null;
        await ReloadAsync(onlyIfStale: true, cancellationToken).ConfigureAwait(false);
        return find(_book, token);
    }

    /// <summary>Reads the invitations again.</summary>
    public Task ReloadAsync(CancellationToken cancellationToken) => ReloadAsync(onlyIfStale: false, cancellationToken);

    private bool IsStale()
    {
        var last = Interlocked.Read(ref _lastLoadTicks);
        return last == 0 || Math.Abs(time.GetUtcNow().UtcTicks - last) >= refresh.Ticks;
    }

    private async Task ReloadAsync(bool onlyIfStale, CancellationToken cancellationToken)
    {
        await _reloading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (onlyIfStale && !IsStale()) return;
            var name = InvitationBook.ArtifactName(study.Id);
            await using var stream = await artifacts.OpenReadAsync(name, cancellationToken).ConfigureAwait(false);
            if (stream is null)
            {
                logger.LogWarning("No invitations yet: artifact {Name} is missing; create links with `monitoring invitations`.", name);
            }
            else
            {
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                var book = InvitationBook.Deserialize(buffer.ToArray());
                if (book.Study != study.Id)
                    throw new InvalidDataException($"Artifact {name} holds invitations of study '{book.Study}', not '{study.Id}'.");
                _book = book;
                logger.LogInformation("Loaded {Count} invitations from {Name}.", book.Invitations.Count, name);
            }
            Interlocked.Exchange(ref _lastLoadTicks, time.GetUtcNow().UtcTicks);
        }
        finally
        {
            _reloading.Release();
        }
    }
}
