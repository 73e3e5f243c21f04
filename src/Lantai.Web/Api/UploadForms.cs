using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantai.Web.Api;

/// <summary>Reads the multipart form of an upload endpoint, turning an oversized or broken body into the problem to answer.</summary>
internal static class UploadForms
{
    /// <summary>The form, or the problem (413 with <paramref name="tooLargeDetail"/>, or 400) on the field "file".</summary>
    public static async Task<(IFormCollection? Form, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, string tooLargeDetail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            // Over the size limit (Kestrel's or the multipart one) or a broken multipart body.
            return (null, e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException
                ? ProblemMapper.Problem(StatusCodes.Status413PayloadTooLarge, "upload-too-large", "上传的文件过大", tooLargeDetail, "file")
                : ProblemMapper.Problem(StatusCodes.Status400BadRequest, "validation", "提交的数据有误", "上传的表单无法读取", "file"));
        }
    }
}
