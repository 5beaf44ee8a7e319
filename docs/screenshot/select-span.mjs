// Opens a Zipkin trace page in headless Chromium (the distribution's), selects one span by the
// text of its row ("service: span name"), so that the side panel shows its tags, and saves a
// screenshot.  node select-span.mjs <trace page URL> <row text> <output.png>
import { createRequire } from 'node:module';
import { join } from 'node:path';

// playwright-core is installed by zipkin-trace.sh into target/screenshot, not next to this file.
const require = createRequire(join(process.cwd(), 'target', 'screenshot', 'package.json'));
const { chromium } = require('playwright-core');

const [url, row, output] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  // The flags this machine's closed network needs: no background connections, no QUIC.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 840 } });
  await page.goto(url, { waitUntil: 'networkidle', timeout: 30000 });
  await page.getByText(row, { exact: true }).click({ timeout: 30000 });
  await page.getByText('Tags', { exact: true }).waitFor({ timeout: 10000 });
  await page.screenshot({ path: output });
} finally {
  await browser.close();
}
