// Lighthouse 12 on the booking page, mobile emulation (its default), in Debian's chromium, against
// the real app on Azurite started as the browser tests start it. Prints the category scores and
// the bytes of JavaScript and CSS the page sent. Usage: node benchmarks/lighthouse/run.mjs [RUNS]
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import globalSetup from '../../tests/browser/global-setup.mjs';

const runs = Number(process.argv[2] ?? 3);
const teardown = await globalSetup();
const url = `${process.env.APP_ORIGIN}/book`;
const rows = [];
try {
  for (let i = 0; i < runs; i++) {
    const chrome = await chromeLauncher.launch({
      chromePath: '/usr/bin/chromium',
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    try {
      const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] });
      const items = lhr.audits['network-requests'].details.items;
      const bytes = (type) => items.filter((r) => r.resourceType === type).reduce((sum, r) => sum + r.transferSize, 0);
      const failing = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary').map((a) => a.id);
      rows.push({
        performance: Math.round(lhr.categories.performance.score * 100),
        accessibility: Math.round(lhr.categories.accessibility.score * 100),
        bestPractices: Math.round(lhr.categories['best-practices'].score * 100),
        fcp: Math.round(lhr.audits['first-contentful-paint'].numericValue),
        lcp: Math.round(lhr.audits['largest-contentful-paint'].numericValue),
        tbt: Math.round(lhr.audits['total-blocking-time'].numericValue),
        cls: lhr.audits['cumulative-layout-shift'].numericValue.toFixed(3),
        jsBytes: bytes('Script'),
        cssBytes: bytes('Stylesheet'),
        failing: failing.join(' '),
      });
      console.log(JSON.stringify(rows.at(-1)));
    } finally {
      await chrome.kill();
    }
  }
} finally {
  await teardown();
}

console.log(`\n| run | performance | accessibility | best practices | FCP ms | LCP ms | TBT ms | CLS | JS bytes | CSS bytes |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |`);
rows.forEach((r, i) => console.log(`| ${i + 1} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.fcp} | ${r.lcp} | ${r.tbt} | ${r.cls} | ${r.jsBytes} | ${r.cssBytes} |`));
