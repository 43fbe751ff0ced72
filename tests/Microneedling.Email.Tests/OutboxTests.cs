using System.Text;
using Microneedling.Email.Outbox;
using Microneedling.Email.Templates;
using Microneedling.Testing;

namespace Microneedling.Email.Tests;

public sealed class OutboxTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("outbox-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));

    private OutboxEmailSender Sender() => new(new OutboxOptions { Folder = _folder, MessageIdDomain = "clearskin.example" }, _clock);

    [Fact]
    public async Task An_outbox_file_reads_back_as_the_email_with_its_invite()
    {
        var message = Samples.Message();
        var sender = Sender();

        var result = await sender.SendAsync(message, CancellationToken.None);

        Assert.Equal(EmailDeliveryState.Succeeded, result.State);
        var email = Assert.Single(PostalMime.Parse(sender.PathFor(message.OperationId)));
        Assert.Equal(message.Subject, email.Subject);
        Assert.Equal(("appointments@clearskin.example", "Clearskin Clinic"), (email.From!.Address, email.From.Name));
        Assert.Equal(("zoe@example.com", "Zoë O'Brien"), (email.To![0].Address, email.To[0].Name));
        Assert.Equal(message.PlainText.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(), email.Text!.TrimEnd());
        Assert.Contains("Dr Amira Khan", email.Html, StringComparison.Ordinal);
        var invite = Assert.Single(email.Attachments);
        Assert.Equal(("session.ics", "text/calendar"), (invite.Filename, invite.MimeType));
        var calendar = IcalJs.Parse(invite.Bytes)[0];
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal("ses_1@clearskin.example", calendar.Events[0].Uid);
    }

    [Fact]
    public async Task Optional_emails_carry_list_unsubscribe_and_transactional_ones_do_not()
    {
        var optional = EmailComposer.Compose(Samples.Model(EmailKind.RebookingOpen), Guid.NewGuid());
        var transactional = EmailComposer.Compose(Samples.Model(EmailKind.PreCare), Guid.NewGuid());
        var sender = Sender();
        await sender.SendAsync(optional, CancellationToken.None);
        await sender.SendAsync(transactional, CancellationToken.None);

        var parsed = PostalMime.Parse(sender.PathFor(optional.OperationId), sender.PathFor(transactional.OperationId));

        Assert.Equal("<https://book.clearskin.example/unsubscribe/u_1>", parsed[0].Header("list-unsubscribe"));
        Assert.Equal("List-Unsubscribe=One-Click", parsed[0].Header("list-unsubscribe-post"));
        Assert.Null(parsed[1].Header("list-unsubscribe"));
    }

    [Fact]
    public async Task A_name_with_line_breaks_adds_no_header()
    {
        var message = Samples.Message(patientName: "Eve\r\nBcc: all@evil.example");
        var sender = Sender();

        await sender.SendAsync(message, CancellationToken.None);

        var raw = Encoding.ASCII.GetString(await File.ReadAllBytesAsync(sender.PathFor(message.OperationId)));
        Assert.DoesNotContain("\r\nBcc:", raw, StringComparison.OrdinalIgnoreCase);
        var email = PostalMime.Parse(sender.PathFor(message.OperationId))[0];
        Assert.Null(email.Header("bcc"));
        Assert.Equal("zoe@example.com", Assert.Single(email.To!).Address);
    }

    [Fact]
    public async Task Long_non_ascii_subjects_are_encoded_without_splitting_characters()
    {
        var message = Samples.Message() with { Subject = string.Concat(Enumerable.Repeat("Rendez-vous confirmé ✓ 日本語 ", 6)) };
        var sender = Sender();

        await sender.SendAsync(message, CancellationToken.None);

        Assert.Equal(message.Subject, PostalMime.Parse(sender.PathFor(message.OperationId))[0].Subject);
        var raw = await File.ReadAllLinesAsync(sender.PathFor(message.OperationId));
        Assert.All(raw, line => Assert.True(line.Length <= 998));
    }

    [Fact]
    public async Task Resending_an_operation_rewrites_its_one_file()
    {
        var message = Samples.Message();
        var sender = Sender();

        await sender.SendAsync(message, CancellationToken.None);
        await sender.SendAsync(message, CancellationToken.None);

        Assert.Single(Directory.GetFiles(_folder, "*.eml"));
        Assert.Equal(EmailDeliveryState.Succeeded, (await sender.GetStatusAsync(message.OperationId, CancellationToken.None))!.State);
        Assert.Null(await sender.GetStatusAsync(Guid.NewGuid(), CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
