/**
 * One object of a PDF written by hand for a test: its body, and its stream's data when it has one.
 */
export interface PdfObject {
  /** The object's dictionary (or whole body when there is no stream), e.g. `<< /Type /Catalog /Pages 2 0 R >>`. */
  readonly body: string;
  /** Stream data; `/Length` is added to the dictionary. */
  readonly stream?: Uint8Array;
}

/**
 * A PDF file with these objects (numbered from 1, object 1 the catalog), a correct
 * cross-reference table and a trailer pointing at object 1 (plus `trailerExtra`).
 */
export declare function buildPdf(objects: readonly PdfObject[], trailerExtra?: string): Uint8Array;
