import { fromHtml } from "@gongkai/from-html";
import { toHtml, toHtmlPage } from "@gongkai/to-html";
import { describeRoundTrip } from "./round-trip";

const decode = (rendered: string | Uint8Array) =>
  typeof rendered === "string" ? rendered : new TextDecoder().decode(rendered);

// The page carries its report as data: from-html must return it exactly.
describeRoundTrip("to-html page → from-html (embedded data)", {
  render: (report) => toHtmlPage(report),
  read: (rendered) => fromHtml(decode(rendered)).report,
});

// Without the embedded data, the importer must read the same cells and paragraphs off the markup.
describeRoundTrip("to-html fragment → from-html (markup only)", {
  render: (report) =>
    toHtml(report).replace(/<script type="application\/json" data-gongkai-report>[\s\S]*?<\/script>/, ""),
  read: (rendered) => fromHtml(decode(rendered)).report,
});
