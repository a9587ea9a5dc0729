/**
 * Kinds of publishing agency, which decide the 第四十九条 deadline.
 * - `department`: a department or agency of a people's government at county level or above (1月31日);
 * - `peoplesGovernment`: a people's government at county level or above (3月31日);
 * - `townshipStreet`: a township, town or street office (deadline set locally, configurable);
 * - `unknown`: not known; no deadline finding is made.
 */
export const agencyKinds = ["department", "peoplesGovernment", "townshipStreet", "unknown"] as const;

/** A kind of publishing agency. */
export type AgencyKind = (typeof agencyKinds)[number];

/** Labels for each agency kind. */
export const agencyKindLabels: Record<AgencyKind, { zh: string; en: string }> = {
  department: { zh: "县级以上人民政府部门", en: "Department of a people's government" },
  peoplesGovernment: { zh: "县级以上人民政府", en: "People's government at county level or above" },
  townshipStreet: { zh: "乡镇人民政府、街道办事处", en: "Township government or street office" },
  unknown: { zh: "未知", en: "Unknown" },
};
