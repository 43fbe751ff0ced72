using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Microneedling.Functions.Api;

/// <summary>
/// What the generated schemas cannot know by themselves: a required field of a request body may not
/// be null (the types are nullable only so that a missing field is reported as missing), and a
/// string marked <see cref="DataTypeAttribute"/> is a date (<c>yyyy-MM-dd</c>) or an RFC 3339 date-time.
/// </summary>
public static class SchemaDescriptions
{
    public static OpenApiOptions DescribeSchemas(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var annotated = context.JsonPropertyInfo?.AttributeProvider
                ?? (context.ParameterDescription?.ParameterDescriptor as Microsoft.AspNetCore.Mvc.Infrastructure.IParameterInfoParameterDescriptor)?.ParameterInfo;
            if (annotated?.GetCustomAttributes(typeof(DataTypeAttribute), inherit: true) is [DataTypeAttribute dataType, ..])
            {
                schema.Format = dataType.DataType switch
                {
                    DataType.Date => "date",
                    DataType.DateTime => "date-time",
                    _ => schema.Format,
                };
            }

            if (typeof(IRequestBody).IsAssignableFrom(context.JsonTypeInfo.Type) && schema is { Required: { } required, Properties: { } properties })
            {
                foreach (var name in required)
                {
                    if (properties.TryGetValue(name, out var property) && property is OpenApiSchema { Type: { } type } concrete)
                    {
                        concrete.Type = type & ~JsonSchemaType.Null;
                    }
                }
            }

            return Task.CompletedTask;
        });
        return options;
    }
}
