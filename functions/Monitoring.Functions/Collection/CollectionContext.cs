using Monitoring.Core.Studies;
using Monitoring.Core.Submissions;

namespace Monitoring.Functions.Collection;

/// <summary>What the collection endpoints share: the study, its invitations, the stores, the clock and the limits.</summary>
public sealed record CollectionContext(
    Study Study,
    InvitationRegistry Invitations,
    ISubmissionStore Store,
    TimeProvider Time,
    LinkageKey LinkageKey,
    CollectionRateLimiter Limiter,
    int MaxRequestBodyBytes,
    IUsedCodeStore UsedCodes,
    AccessCodeKey CodeKey);
