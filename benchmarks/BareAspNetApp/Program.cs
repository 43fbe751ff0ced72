var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls($"http://127.0.0.1:{builder.Configuration["FUNCTIONS_CUSTOMHANDLER_PORT"]}");
var app = builder.Build();
app.MapGet("/", () => "ready");
app.Run();
