// Starts what the browser tests run against: Azurite, the real app (the built handler,
// standalone, on a free loopback port, with the test clinic), and a second origin serving a
// clinic's own site that embeds the booking element. Returns the teardown that stops them.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

const freePort = () => new Promise((resolve, reject) => {
  const server = createServer();
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
  server.on('error', reject);
});

async function waitFor(url, child, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch { /* not yet listening */ }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

function start(command, args, env, log) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  const lines = [];
  const keep = (chunk) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.lines = lines;
  child.name = log;
  return child;
}

function site(port, appOrigin) {
  const files = {
    '/': ['text/html', () => readFileSync(join(here, 'site', 'embed.html'), 'utf8').replaceAll('APP_ORIGIN', appOrigin)],
    '/site.css': ['text/css', () => readFileSync(join(here, 'site', 'site.css'))],
    '/logo.svg': ['image/svg+xml', () => readFileSync(join(here, 'site', 'logo.svg'))],
    '/favicon.ico': ['image/svg+xml', () => readFileSync(join(here, 'site', 'logo.svg'))],
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = path.startsWith('/manage/')
      ? ['text/html', () => readFileSync(join(here, 'site', 'manage.html'), 'utf8').replaceAll('APP_ORIGIN', appOrigin)]
      : files[path];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': file[0] }).end(file[1]());
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

export default async function globalSetup() {
  const dll = join(root, 'src', 'Microneedling.Functions', 'bin', 'Release', 'net10.0', 'Microneedling.Functions.dll');
  if (!existsSync(dll)) throw new Error(`${dll} is missing: build first (dotnet build -c Release), as scripts/test.sh does.`);
  const [tablePort, appPort, sitePort] = [await freePort(), await freePort(), await freePort()];
  const appOrigin = `http://127.0.0.1:${appPort}`;
  const siteOrigin = `http://localhost:${sitePort}`;
  const outbox = mkdtempSync(join(tmpdir(), 'browser-outbox-'));
  const key = randomBytes(32).toString('base64');

  const azurite = start('node', [join(root, 'node_modules', 'azurite', 'dist', 'src', 'table', 'main.js'), '--inMemoryPersistence', '--disableTelemetry',
    '--silent', '--tableHost', '127.0.0.1', '--tablePort', String(tablePort)], {}, 'azurite');
  const children = [azurite];
  const servers = [];
  try {
    await waitFor(`http://127.0.0.1:${tablePort}/`, azurite, 30);
    const app = start('dotnet', [dll, '--urls', appOrigin], {
      DOTNET_ENVIRONMENT: 'Production', ASPNETCORE_ENVIRONMENT: 'Production',
      Storage__ConnectionString: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:${tablePort}/devstoreaccount1;`,
      ClinicConfigurationFile: join(here, 'clinic.json'),
      Clinic__LogoUrl: `${siteOrigin}/logo.svg`,
      Security__ManageTokenKey: key,
      Staff__Key: 'browser-tests-staff-key',
      Api__PublicUrl: `${appOrigin}/`,
      Api__CorsOrigins__0: siteOrigin,
      Api__PublicWritesPerMinute: '100000',
      Email__Sender: 'Outbox',
      Email__OutboxFolder: outbox,
      ReminderSweepSchedule: '*/2 * * * * *',
      BookingRecoverySchedule: '30 */2 * * * *',
      Logging__LogLevel__Default: 'Warning',
    }, 'app');
    children.push(app);
    await waitFor(`${appOrigin}/api/health`, app, 90);
    servers.push(await site(sitePort, appOrigin));
  } catch (error) {
    for (const child of children) {
      console.error(`--- ${child.name} said:\n${child.lines.join('\n')}`);
      child.kill();
    }
    throw error;
  }

  Object.assign(process.env, { APP_ORIGIN: appOrigin, SITE_ORIGIN: siteOrigin, OUTBOX: outbox, MANAGE_TOKEN_KEY: key });
  return async () => {
    for (const server of servers) server.close();
    for (const child of children.reverse()) {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    }
  };
}
