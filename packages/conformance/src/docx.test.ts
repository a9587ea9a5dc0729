import { fromDocx } from "@gongkai/from-docx";
import { toDocx } from "@gongkai/to-docx";
import { describeRoundTrip } from "./round-trip";

describeRoundTrip("to-docx → from-docx", {
  render: (report) => toDocx(report),
  read: (rendered) => fromDocx(typeof rendered === "string" ? new TextEncoder().encode(rendered) : rendered).report,
});
