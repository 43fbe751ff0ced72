using System.Text;
using Microneedling.Tables.Batch;
using Microneedling.Testing;

namespace Microneedling.Tables.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TransactionTests(AzuriteFixture azurite) : AzuriteTableTest(azurite)
{
    [Fact]
    public async Task Every_action_kind_commits_together()
    {
        await Table.AddEntityAsync(new TableEntity("p", "merge") { ["A"] = 1, ["B"] = 1 });
        await Table.AddEntityAsync(new TableEntity("p", "replace") { ["A"] = 1, ["B"] = 1 });
        await Table.AddEntityAsync(new TableEntity("p", "delete"));
        var merge = (await Table.GetEntityAsync<TableEntity>("p", "merge")).Value;

        var result = await Table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "add") { ["A"] = 1 }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "merge") { ["A"] = 2 }, merge.ETag),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "replace") { ["A"] = 2 }),
            new(TableTransactionActionType.Delete, new TableEntity("p", "delete")),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "upsert-merge") { ["A"] = 1 }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "upsert-replace") { ["A"] = 1 }),
        ]);

        Assert.Equal(6, result.Value.Count);
        Assert.All(result.Value, r => Assert.Equal(204, r.Status));
        var rows = (await Table.QueryAsync<TableEntity>().ToListAsync()).ToDictionary(e => e.RowKey);
        Assert.Equal(["add", "merge", "replace", "upsert-merge", "upsert-replace"], rows.Keys.Order());
        Assert.Equal((2, 1), (rows["merge"].GetInt32("A"), rows["merge"].GetInt32("B")));
        Assert.False(rows["replace"].ContainsKey("B"));
    }

    [Fact]
    public async Task A_failing_action_is_named_and_nothing_is_committed()
    {
        await Table.AddEntityAsync(new TableEntity("p", "exists"));

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => Table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "new-1")),
            new(TableTransactionActionType.Add, new TableEntity("p", "exists")),
            new(TableTransactionActionType.Add, new TableEntity("p", "new-2")),
        ]));

        Assert.Equal(1, error.FailedTransactionActionIndex);
        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Equal(["exists"], (await Table.QueryAsync<TableEntity>().ToListAsync()).Select(e => e.RowKey));
    }

    [Fact]
    public async Task A_stale_etag_fails_the_whole_transaction()
    {
        await Table.AddEntityAsync(new TableEntity("p", "a") { ["V"] = 1 });
        var read = (await Table.GetEntityAsync<TableEntity>("p", "a")).Value;
        await Table.UpdateEntityAsync(new TableEntity("p", "a") { ["V"] = 2 }, read.ETag);

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => Table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "b")),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "a") { ["V"] = 3 }, read.ETag),
        ]));

        Assert.Equal(412, error.Status);
        Assert.Equal(1, error.FailedTransactionActionIndex);
        Assert.False((await Table.GetEntityIfExistsAsync<TableEntity>("p", "b")).HasValue);
    }

    [Fact]
    public async Task Azures_rules_are_checked_before_sending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Table.SubmitTransactionAsync([]));
        await Assert.ThrowsAsync<ArgumentException>(() => Table.SubmitTransactionAsync(
            Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}")))));
        await Assert.ThrowsAsync<ArgumentException>(() => Table.SubmitTransactionAsync(
            [new(TableTransactionActionType.Add, new TableEntity("p1", "r")), new(TableTransactionActionType.Add, new TableEntity("p2", "r"))]));
        await Assert.ThrowsAsync<ArgumentException>(() => Table.SubmitTransactionAsync(
            [new(TableTransactionActionType.Add, new TableEntity("p", "r")), new(TableTransactionActionType.Delete, new TableEntity("p", "r"))]));
        var big = new string('x', 30_000);
        await Assert.ThrowsAsync<ArgumentException>(() => Table.SubmitTransactionAsync(
            Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}") { ["A"] = big, ["B"] = big }))));

        Assert.Empty(await Table.QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public void The_request_body_is_a_changeset_of_one_line_json_requests()
    {
        var body = BatchRequest.Create(new Uri("http://127.0.0.1:10002/devstoreaccount1"), "people",
            [new(TableTransactionActionType.Add, new TableEntity("p", "r") { ["A"] = 1 }), new(TableTransactionActionType.Delete, new TableEntity("p", "x"))],
            "b1", "c1");

        var text = Encoding.UTF8.GetString(body.Body.Span);

        Assert.Equal("multipart/mixed; boundary=batch_b1", body.ContentType);
        Assert.StartsWith("--batch_b1\r\nContent-Type: multipart/mixed; boundary=changeset_c1\r\n\r\n--changeset_c1\r\n", text, StringComparison.Ordinal);
        Assert.Contains("POST http://127.0.0.1:10002/devstoreaccount1/people HTTP/1.1\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\n{\"PartitionKey\":\"p\",\"RowKey\":\"r\",\"A\":1}\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DELETE http://127.0.0.1:10002/devstoreaccount1/people(PartitionKey='p',RowKey='x') HTTP/1.1\r\n", text, StringComparison.Ordinal);
        Assert.Contains("If-Match: *\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("--changeset_c1--\r\n--batch_b1--\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_failure_reply_is_parsed_to_its_index_and_code()
    {
        const string reply = "--batchresponse_1\r\nContent-Type: multipart/mixed; boundary=changesetresponse_2\r\n\r\n"
            + "--changesetresponse_2\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
            + "HTTP/1.1 409 Conflict\r\nContent-Type: application/json;odata=minimalmetadata;streaming=true;charset=utf-8\r\n\r\n"
            + "{\"odata.error\":{\"code\":\"EntityAlreadyExists\",\"message\":{\"lang\":\"en-US\",\"value\":\"2:The specified entity already exists.\\nRequestId:abc\"}}}\r\n"
            + "--changesetresponse_2--\r\n--batchresponse_1--\r\n";

        var parts = BatchResponse.ParseParts(reply, "batchresponse_1");

        Assert.Equal(409, Assert.Single(parts).Status);
        Assert.Contains("EntityAlreadyExists", parts[0].Body, StringComparison.Ordinal);
    }
}
