/**
 * The repository's web address, from the root package.json's `repository.url` (the one place it is
 * written; `repository.test.ts` keeps this equal to it). Rule pages link into it.
 */
export const repositoryWebUrl = "https://example.invalid/gongkai";

/** The folder of the rule pages in the repository, as web pages on its default branch. */
export const repositoryRuleDocsUrl = `${repositoryWebUrl}/blob/main/packages/core/docs/rules/`;
