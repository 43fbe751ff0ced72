using Microneedling.Email;
using Microneedling.Email.Acs;
using Microneedling.Email.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace Microneedling.Functions.Tests;

public class EmailConfigurationTests
{
    [Fact]
    public void Configuration_chooses_the_outbox_or_acs()
    {
        using var outbox = HandlerFactory.Standalone(new Dictionary<string, string?> { ["Email:Sender"] = "Outbox", ["Email:OutboxFolder"] = "/tmp/outbox-test" });
        using var acs = HandlerFactory.Standalone(new Dictionary<string, string?>
        {
            ["Email:Sender"] = "Acs",
            ["Email:AcsConnectionString"] = "endpoint=https://clinic.communication.azure.com/;accesskey=a2V5a2V5a2V5",
        });
        _ = outbox.Server;
        _ = acs.Server;

        Assert.Equal("/tmp/outbox-test", Assert.IsType<OutboxEmailSender>(outbox.Services.GetRequiredService<IEmailSender>()).Folder);
        Assert.IsType<AcsEmailSender>(acs.Services.GetRequiredService<IEmailSender>());
    }

    [Fact]
    public void Acs_without_an_endpoint_says_what_to_set()
    {
        using var factory = HandlerFactory.Standalone(new Dictionary<string, string?> { ["Email:Sender"] = "Acs" });
        _ = factory.Server;

        var error = Assert.Throws<InvalidOperationException>(() => factory.Services.GetRequiredService<IEmailSender>());

        Assert.Contains("Email:AcsEndpoint", error.Message, StringComparison.Ordinal);
    }
}
