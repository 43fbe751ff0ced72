using System.Net;
using System.Net.Sockets;

namespace Microneedling.Testing;

public static class FreeTcpPort
{
    /// <summary>A loopback port that was free a moment ago; callers retry if another process takes it first.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<bool> WaitUntilListeningAsync(int port, TimeSpan timeout, Func<bool> givenUp)
    {
        ArgumentNullException.ThrowIfNull(givenUp);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !givenUp())
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(50).ConfigureAwait(false);
            }
        }

        return false;
    }
}
