// Parses .eml files with postal-mime (an implementation independent of ours) and prints what it
// read as JSON, for the .NET tests. Usage: node mail-parse.cjs FILE.eml [FILE.eml ...]
'use strict';
const fs = require('fs');
const mod = require(require.resolve('postal-mime', { paths: [process.env.REPO_ROOT || process.cwd()] }));
const PostalMime = mod.default || mod;

(async () => {
  const out = [];
  for (const file of process.argv.slice(2)) {
    const email = await PostalMime.parse(fs.readFileSync(file));
    out.push({
      file,
      subject: email.subject,
      from: email.from,
      to: email.to,
      messageId: email.messageId,
      headers: email.headers.map((h) => ({ key: h.key, value: h.value })),
      text: email.text,
      html: email.html,
      attachments: email.attachments.map((a) => ({
        filename: a.filename,
        mimeType: a.mimeType,
        method: a.method || null,
        content: Buffer.from(a.content).toString('base64'),
      })),
    });
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
