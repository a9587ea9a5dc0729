// One-off generator: turns ../shared/spec/format-editions.json into the typed edition module of
// @gongkai/core. The module is committed and edited by hand afterwards; editions.test.ts proves it
// still matches the spec file whenever that file is present.
import fs from "node:fs";

const spec = JSON.parse(fs.readFileSync(new URL("../../shared/spec/format-editions.json", import.meta.url), "utf8"));
const en = {
  overview: "Overview",
  activeDisclosure: "Proactive disclosure",
  applications: "Requests received and handled",
  reviewLitigation: "Administrative reconsideration and litigation",
  problems: "Main problems and improvements",
  other: "Other matters to report",
  art20_1: "Article 20 (1)",
  art20_5: "Article 20 (5)",
  art20_6: "Article 20 (6)",
  art20_8: "Article 20 (8)",
  art20_9: "Article 20 (9)",
  newlyMade: "Newly made this year",
  newlyPublished: "Newly published this year",
  totalPublished: "Total published",
  prevYearItems: "Items last year",
  changeThisYear: "Change this year (+/−)",
  decisions: "Decisions this year",
  procurementItems: "Procurement projects",
  procurementAmount: "Total procurement amount",
  made: "Issued this year",
  repealed: "Repealed this year",
  valid: "Currently in force",
  amount: "Fees charged this year (10,000 yuan)",
  regulations: "Government rules",
  normativeDocuments: "Normative documents",
  licensing: "Administrative licensing",
  otherServices: "Other external management and services",
  punishment: "Administrative penalties",
  coercion: "Administrative coercion",
  fees: "Administrative fees",
  centralProcurement: "Centralised government procurement",
  applicant: "Applicants",
  naturalPerson: "Natural persons",
  legalPerson: "Legal persons and other organisations",
  "legalPerson.commercial": "Commercial enterprises",
  "legalPerson.research": "Research institutions",
  "legalPerson.socialWelfare": "Public-interest organisations",
  "legalPerson.legalService": "Legal service institutions",
  "legalPerson.other": "Other organisations",
  total: "Total",
  newReceived: "I. New requests received this year",
  carriedOver: "II. Requests carried over from last year",
  results: "III. Results this year",
  "results.granted": "(1) Disclosed",
  "results.partialGrant": "(2) Partly disclosed (counted here only)",
  "results.denied": "(3) Not disclosed",
  "results.denied.stateSecret": "1. State secret",
  "results.denied.lawForbidden": "2. Forbidden by other laws or administrative regulations",
  "results.denied.safetyStability": "3. Endangers the “three securities and one stability”",
  "results.denied.thirdPartyRights": "4. Protects third parties' lawful rights",
  "results.denied.internalAffairs": "5. Internal affairs information (three kinds)",
  "results.denied.processInfo": "6. Process information (four kinds)",
  "results.denied.enforcementCase": "7. Administrative enforcement case files",
  "results.denied.adminQuery": "8. Administrative query matters",
  "results.unableToProvide": "(4) Cannot be provided",
  "results.unableToProvide.notHeld": "1. Not held by this agency",
  "results.unableToProvide.needCreation": "2. Would have to be newly created",
  "results.unableToProvide.unclearAfterCorrection": "3. Still unclear after correction",
  "results.notProcessed": "(5) Not processed",
  "results.notProcessed.complaintPetition": "1. Petitions, reports and complaints",
  "results.notProcessed.duplicate": "2. Repeated requests",
  "results.notProcessed.publication": "3. Requests for public publications",
  "results.notProcessed.massiveRepeated": "4. Many repeated requests without good reason",
  "results.notProcessed.confirmReissue": "5. Requests to confirm or reissue information already obtained",
  "results.other": "(6) Other handling",
  "results.other.overdueCorrection":
    "1. Applicant did not correct the request in time without good reason; not processed further",
  "results.other.overdueFee": "2. Applicant did not pay the fee notice in time; not processed further",
  "results.other.otherReasons": "3. Other",
  "results.totalProcessed": "(7) Total",
  carriedForward: "IV. Carried forward to next year",
  review: "Administrative reconsideration",
  litigation: "Administrative litigation",
  litigationDirect: "Sued without reconsideration",
  litigationPostReview: "Sued after reconsideration",
  maintain: "Upheld",
  correct: "Corrected",
  unfinished: "Pending",
};
const enOf = (code, ctx) => {
  if (ctx === "t4" && code === "other") return "Other results";
  const label = en[code];
  if (!label) throw new Error(`no English label for ${code}`);
  return label;
};
const pick = (node, ctx) => {
  const out = { code: node.code, label: node.label, en: enOf(node.code, ctx) };
  for (const key of ["articles", "verification", "signed", "unit", "derived"])
    if (node[key] !== undefined && node[key] !== null) out[key] = node[key];
  if (node.children) out.children = node.children.map((child) => pick(child, ctx));
  return out;
};
const editions = spec.editions.map((edition) => ({
  id: edition.id,
  document: edition.document,
  formatTitle: edition.formatTitle,
  issued: edition.issued ?? null,
  appliesToReportYears: edition.appliesToReportYears,
  sections: edition.sections.map((section) => ({
    code: section.code,
    label: section.label,
    en: enOf(section.code),
    ...(section.verification ? { verification: section.verification } : {}),
  })),
  tables: {
    table2: {
      title: edition.tables.table2.title,
      firstColumnHeader: edition.tables.table2.firstColumnHeader,
      subTables: edition.tables.table2.subTables.map((sub) => ({
        code: sub.code,
        label: sub.label,
        en: enOf(sub.code),
        columns: sub.columns.map((c) => pick(c)),
        rows: sub.rows.map((r) => pick(r)),
      })),
    },
    table3: {
      title: edition.tables.table3.title,
      headerNote: edition.tables.table3.headerNote,
      columns: pick(edition.tables.table3.columns),
      rows: edition.tables.table3.rows.map((r) => pick(r)),
    },
    table4: { title: edition.tables.table4.title, columns: edition.tables.table4.columns.map((c) => pick(c, "t4")) },
  },
}));
const body = JSON.stringify(editions, null, 2);
fs.writeFileSync(process.argv[2], body);
