import {
  type ImportRuleId as CoreImportRuleId,
  importRuleIds as coreImportRuleIds,
  diagnosticRegistry,
  type LocalizedText,
  type Severity,
} from "@gongkai/core";

/**
 * The ids of the findings importers make about what they could not read.
 *
 * @deprecated Read `importRuleIds` from `@gongkai/core` (its diagnostics registry); this is the same list.
 */
export const importRuleIds: readonly CoreImportRuleId[] = coreImportRuleIds;

/**
 * The id of an importer finding.
 *
 * @deprecated Use `ImportRuleId` from `@gongkai/core`; this is the same type.
 */
export type ImportRuleId = CoreImportRuleId;

/**
 * Each importer finding's default severity and what it means, read from core's diagnostics registry.
 *
 * @deprecated Read `diagnosticRegistry` from `@gongkai/core`.
 */
export const importRules: Readonly<
  Record<ImportRuleId, { readonly defaultSeverity: Severity; readonly description: LocalizedText }>
> = Object.fromEntries(
  coreImportRuleIds.map((id) => {
    const { defaultSeverity, description } = diagnosticRegistry[id];
    return [id, { defaultSeverity, description }];
  }),
) as Record<ImportRuleId, { readonly defaultSeverity: Severity; readonly description: LocalizedText }>;
