using Microsoft.AspNetCore.Mvc;

namespace CimdHost.Serving;

/// <summary>
/// Why a request gets no document: an RFC 9457 problem with a stable <c>code</c>, and the canonical URL where one
/// exists. Details name only declared parameters and URLs from definitions, never raw request input.
/// </summary>
internal sealed record DocumentProblem(int Status, string Code, string Title, string Detail, string? CanonicalUrl = null)
{
    /// <summary>RFC 9457 section 3.1.1: a URI that identifies the problem type; these are not meant to be fetched.</summary>
    public string Type => "urn:cimdhost:problem:" + Code;

    public ProblemDetails ToProblemDetails()
    {
        var problem = new ProblemDetails { Status = Status, Type = Type, Title = Title, Detail = Detail };
        problem.Extensions["code"] = Code;
        if (CanonicalUrl is not null)
        {
            problem.Extensions["canonical_url"] = CanonicalUrl;
        }

        return problem;
    }

    public static DocumentProblem NotFound() => new(StatusCodes.Status404NotFound, "unknown-client",
        "No client is published here",
        "No client_id has this path. Client ID URLs are served only at their exact path: no trailing slash, case change, dot segment or extra segment.");

    public static DocumentProblem NotReady() => new(StatusCodes.Status503ServiceUnavailable, "not-ready",
        "Clients are still loading", "The first load of the client definitions has not finished; retry shortly.");

    public static DocumentProblem BadRequest(string code, string title, string detail, string? canonicalUrl = null) =>
        new(StatusCodes.Status400BadRequest, code, title, detail, canonicalUrl);
}
