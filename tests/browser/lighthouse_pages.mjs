// Lighthouse (mobile preset) on several pages with one Chromium, for test_page_quality.py.
// Started once per page, the command line tool spent five of its eleven seconds starting Node
// and Chromium and closing them; here they start once.
//
// Reads a JSON job from stdin:
//   {"chromePath", "chromeFlags": [...], "categories": [...], "cpuSlowdown",
//    "pages": [{"url", "output"}]}
// and writes, for each page, <output>.report.json and <output>.report.html.
// A page Lighthouse could not record (a runtimeError in its report, such as NO_NAVSTART on a
// busy machine) is tried once more; the report says what happened either way.
import { readFileSync, writeFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const job = JSON.parse(readFileSync(0, "utf8"));
const chrome = await chromeLauncher.launch({
  chromePath: job.chromePath,
  chromeFlags: job.chromeFlags,
});
try {
  for (const page of job.pages) {
    const flags = {
      port: chrome.port,
      output: ["json", "html"],
      onlyCategories: job.categories,
      logLevel: "error",
      // Element screenshots in the HTML report: a second of each run, and not scored.
      disableFullPageScreenshot: true,
    };
    const config = {
      extends: "lighthouse:default",
      settings: { throttling: { cpuSlowdownMultiplier: job.cpuSlowdown } },
    };
    let result = await lighthouse(page.url, flags, config);
    if (result.lhr.runtimeError) {
      result = await lighthouse(page.url, flags, config);
    }
    const [json, html] = result.report;
    writeFileSync(`${page.output}.report.json`, json);
    writeFileSync(`${page.output}.report.html`, html);
  }
} finally {
  await chrome.kill();
}
